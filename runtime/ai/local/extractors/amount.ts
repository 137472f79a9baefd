/**
 * Money amounts with a currency, English and German style: "€1.250,50",
 * "EUR 1,250.50", "$5k", "5.000 Euro", "1,2 Mio. EUR". A bare number is not
 * money: without a currency it is more often a term, a count or a year.
 */
import { dropOverlaps, type Finding } from './finding.js'
import { multiplierOf, parseMoneyNumber } from './money-number.js'

const CURRENCIES: Record<string, string> = {
  '€': 'EUR', euro: 'EUR', euros: 'EUR', '$': 'USD', 'us$': 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', pound: 'GBP', pounds: 'GBP', '¥': 'JPY', yen: 'JPY', '₹': 'INR',
  franken: 'CHF', francs: 'CHF',
}
const CODES = 'EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|CNY|INR'
const SYMBOL = String.raw`US\$|[€$£¥₹]`
const WORD = String.raw`\b(?:${CODES}|euros?|dollars?|pounds?|yen|franken|francs)\b`
// Grouped thousands ("1.250.000,50", "1 250") or a plain number ("1250.5").
const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?)`
const SUFFIX = String.raw`\s?(?:(?:k|m|bn|thousand|tausend|millions?|millionen|billions?|milliarden?)\b|(?:tsd|mio|mrd)\b\.?)`

const BEFORE = new RegExp(String.raw`(${SYMBOL}|\b(?:${CODES})\b)\s?(${NUMBER})(${SUFFIX})?`, 'giu')
const AFTER = new RegExp(String.raw`(${NUMBER})(${SUFFIX})?\s?(${SYMBOL}|${WORD})`, 'giu')

function currencyOf(written: string): string {
  return CURRENCIES[written.toLowerCase()] ?? written.toUpperCase()
}

function finding(match: RegExpMatchArray, number: string, suffix: string | undefined, currency: string): Finding[] {
  const amount = Math.round(parseMoneyNumber(number) * multiplierOf(suffix) * 100) / 100
  if (!Number.isFinite(amount)) return []
  return [{ text: match[0], index: match.index ?? 0, value: { amount, currency: currencyOf(currency) } }]
}

/**
 * @example
 * extractAmounts('Loan of €1.250,50, fee $5k')
 * // → [{ text: '€1.250,50', index: 8, value: { amount: 1250.5, currency: 'EUR' } },
 * //    { text: '$5k', index: 23, value: { amount: 5000, currency: 'USD' } }]
 */
export function extractAmounts(text: string): Finding[] {
  const found: Finding[] = []
  for (const m of text.matchAll(BEFORE)) found.push(...finding(m, m[2], m[3], m[1]))
  for (const m of text.matchAll(AFTER)) found.push(...finding(m, m[1], m[2], m[3]))
  return dropOverlaps(found)
}
