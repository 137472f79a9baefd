import { describe, expect, it } from 'vitest'
import { extractIbans, isValidIban } from '../../../../../runtime/ai/local/extractors/iban.js'

describe('extractIbans', () => {
  it('finds a spaced IBAN and normalises it to the compact and printed forms', () => {
    expect(extractIbans('IBAN: de89 3704 0044 0532 0130 00, thanks')).toEqual([
      {
        text: 'de89 3704 0044 0532 0130 00',
        index: 6,
        value: 'DE89370400440532013000',
        formatted: 'DE89 3704 0044 0532 0130 00',
        country: 'DE',
      },
    ])
  })

  it('finds a compact IBAN', () => {
    expect(extractIbans('Konto AT611904300234573201.').map((f) => f.value)).toEqual(['AT611904300234573201'])
  })

  it('rejects an IBAN whose check digits do not match', () => {
    expect(extractIbans('IBAN DE89 3704 0044 0532 0130 01')).toEqual([])
  })

  it('rejects an IBAN of the wrong length for its country', () => {
    expect(extractIbans('IBAN DE89 3704 0044 0532 0130')).toEqual([])
  })

  it('finds two IBANs written one after the other', () => {
    const text = 'from GB82 WEST 1234 5698 7654 32 to DE89 3704 0044 0532 0130 00'
    expect(extractIbans(text).map((f) => f.value)).toEqual(['GB82WEST12345698765432', 'DE89370400440532013000'])
  })

  it('stops at the end of the IBAN even when words follow', () => {
    expect(extractIbans('DE89 3704 0044 0532 0130 00 is my account')[0].text).toBe('DE89 3704 0044 0532 0130 00')
  })
})

describe('isValidIban', () => {
  it('accepts valid IBANs and rejects a changed digit', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true)
    expect(isValidIban('GB82WEST12345698765432')).toBe(true)
    expect(isValidIban('GB82WEST12345698765433')).toBe(false)
  })

  it('rejects an unknown country code', () => {
    expect(isValidIban('ZZ89370400440532013000')).toBe(false)
  })
})
