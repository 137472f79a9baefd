/**
 * IBANs, with or without spaces, checked by length per country and by the
 * ISO 13616 mod-97 checksum; anything that fails either is not reported.
 */
import type { Finding } from './finding.js'

// ISO 13616 registry: IBAN length per country.
const LENGTHS: Record<string, number> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 ' +
    'EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 ' +
    'KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 ' +
    'PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
)

const CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ \u00a0-]?[A-Z0-9]){11,30}/

/**
 * True when a compact IBAN passes the mod-97 check (ISO 7064).
 *
 * @example
 * isValidIban('DE89370400440532013000') // true
 * isValidIban('DE89370400440532013001') // false
 */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase()
  if (LENGTHS[iban.slice(0, 2)] !== iban.length || !/^[A-Z0-9]+$/.test(iban)) return false
  let remainder = 0
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder === 1
}

/** Cut a candidate after the country's number of characters, unless it runs straight on. */
function cut(candidate: string): { text: string; compact: string } | undefined {
  const length = LENGTHS[candidate.slice(0, 2).toUpperCase()]
  if (!length) return undefined
  let compact = ''
  let end = 0
  while (end < candidate.length && compact.length < length) {
    if (/[A-Z0-9]/i.test(candidate[end])) compact += candidate[end]
    end++
  }
  if (compact.length < length || /[A-Z0-9]/i.test(candidate[end] ?? '')) return undefined
  return { text: candidate.slice(0, end), compact: compact.toUpperCase() }
}

/**
 * Valid IBANs; `value` is the compact form, `formatted` the printed one.
 *
 * @example
 * extractIbans('IBAN: de89 3704 0044 0532 0130 00, thanks')
 * // → [{ text: 'de89 3704 0044 0532 0130 00', index: 6, value: 'DE89370400440532013000',
 * //      formatted: 'DE89 3704 0044 0532 0130 00', country: 'DE' }]
 */
export function extractIbans(text: string): Finding[] {
  const found: Finding[] = []
  const candidates = new RegExp(CANDIDATE.source, 'gi')
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const iban = cut(match[0])
    if (!iban || !isValidIban(iban.compact)) {
      candidates.lastIndex = match.index + 1
      continue
    }
    // Resume right after this IBAN: the greedy candidate may have swallowed the next one.
    candidates.lastIndex = match.index + iban.text.length
    const formatted = iban.compact.replace(/(.{4})(?=.)/g, '$1 ')
    found.push({ text: iban.text, index: match.index, value: iban.compact, formatted, country: iban.compact.slice(0, 2) })
  }
  return found
}
