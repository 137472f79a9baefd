import { describe, expect, it } from 'vitest'
import { EXTRACTOR_NAMES, extractFields } from '../../../../runtime/ai/local/extract.js'

const referenceDate = new Date('2025-03-01T12:00:00Z')
const note = 'Invoice INV-2024-0042 over €1.250,50, due 15.04.2025, pay to DE89 3704 0044 0532 0130 00, questions to ap@firma.de'

describe('extractFields', () => {
  it('runs every extractor when none are named', () => {
    const result = extractFields(note, undefined, { referenceDate })
    expect(Object.keys(result)).toEqual(EXTRACTOR_NAMES)
    expect(Object.values(result).every((findings) => findings.length === 1)).toBe(true)
  })

  it('runs only the named extractors, in the order named', () => {
    const result = extractFields(note, ['iban', 'amount'], { referenceDate })
    expect(result).toEqual({
      iban: [expect.objectContaining({ value: 'DE89370400440532013000' })],
      amount: [expect.objectContaining({ value: { amount: 1250.5, currency: 'EUR' } })],
    })
  })

  it('returns plain JSON', () => {
    const result = extractFields(note, undefined, { referenceDate })
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('rejects an unknown extractor and lists the known ones', () => {
    expect(() => extractFields(note, ['date', 'phone'])).toThrow(
      expect.objectContaining({ code: 'AI_UNKNOWN_EXTRACTOR', message: expect.stringContaining('date, amount, email, iban, id') }),
    )
  })
})
