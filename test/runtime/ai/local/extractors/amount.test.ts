import { describe, expect, it } from 'vitest'
import { extractAmounts } from '../../../../../runtime/ai/local/extractors/amount.js'
import { parseMoneyNumber } from '../../../../../runtime/ai/local/extractors/money-number.js'

const values = (text: string) => extractAmounts(text).map((f) => f.value)

describe('extractAmounts', () => {
  it('reads German notation with the euro sign in front', () => {
    expect(extractAmounts('Betrag: €1.250,50')).toEqual([
      { text: '€1.250,50', index: 8, value: { amount: 1250.5, currency: 'EUR' } },
    ])
  })

  it('reads English notation with a currency code in front', () => {
    expect(values('Total EUR 1,250.50 due')).toEqual([{ amount: 1250.5, currency: 'EUR' }])
  })

  it('reads thousands written with a k suffix', () => {
    expect(values('a budget of $5k')).toEqual([{ amount: 5000, currency: 'USD' }])
  })

  it('reads a dot as the thousands separator before the word Euro', () => {
    expect(values('Kredit über 5.000 Euro')).toEqual([{ amount: 5000, currency: 'EUR' }])
  })

  it('reads German millions written as Mio.', () => {
    expect(values('Volumen 1,2 Mio. EUR')).toEqual([{ amount: 1_200_000, currency: 'EUR' }])
  })

  it('reads the currency after the number, with spaces grouping thousands', () => {
    expect(values('15 000 € und 1 250,50 EUR')).toEqual([
      { amount: 15000, currency: 'EUR' },
      { amount: 1250.5, currency: 'EUR' },
    ])
  })

  it('reads Swiss apostrophes, pounds and dollar words', () => {
    expect(values("CHF 1'000.00, £200 and 2.5 million dollars")).toEqual([
      { amount: 1000, currency: 'CHF' },
      { amount: 200, currency: 'GBP' },
      { amount: 2_500_000, currency: 'USD' },
    ])
  })

  it('ignores numbers without a currency', () => {
    expect(extractAmounts('12 months, 3 children, born 1984')).toEqual([])
  })

  it('does not glue a year to the amount after it', () => {
    expect(values('in 2024 500 EUR were paid')).toEqual([{ amount: 500, currency: 'EUR' }])
  })
})

describe('parseMoneyNumber', () => {
  it('treats the later of dot and comma as the decimal mark', () => {
    expect(parseMoneyNumber('1.250.000,75')).toBe(1250000.75)
    expect(parseMoneyNumber('1,250,000.75')).toBe(1250000.75)
  })

  it('treats a single separator before two digits as a decimal mark', () => {
    expect(parseMoneyNumber('12,50')).toBe(12.5)
    expect(parseMoneyNumber('12.5')).toBe(12.5)
  })

  it('treats a single separator before three digits as thousands', () => {
    expect(parseMoneyNumber('1,250')).toBe(1250)
    expect(parseMoneyNumber('5.000')).toBe(5000)
  })

  it('treats a leading zero as a decimal number', () => {
    expect(parseMoneyNumber('0.125')).toBe(0.125)
  })
})
