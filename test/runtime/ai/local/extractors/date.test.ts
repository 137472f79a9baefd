import { describe, expect, it } from 'vitest'
import { extractDates } from '../../../../../runtime/ai/local/extractors/date.js'
import type { ExtractContext } from '../../../../../runtime/ai/local/extractors/finding.js'

const context: ExtractContext = { referenceDate: new Date('2025-03-01T12:00:00Z'), dateOrder: 'DMY' }
const dates = (text: string, ctx = context) => extractDates(text, ctx).map((f) => f.value)

describe('extractDates', () => {
  it('finds every English date as an ISO calendar date', () => {
    expect(extractDates('Deliver by 12 March 2025 or 2025-04-01', context)).toEqual([
      { text: '12 March 2025', index: 11, value: '2025-03-12' },
      { text: '2025-04-01', index: 28, value: '2025-04-01' },
    ])
  })

  it('finds German dates, numeric and with month names', () => {
    expect(dates('Lieferung am 15.04.2025 oder am 3. Mai')).toEqual(['2025-04-15', '2025-05-03'])
  })

  it('reads slashed dates day first by default', () => {
    expect(dates('due 04/05/2025')).toEqual(['2025-05-04'])
  })

  it('reads slashed dates month first when asked', () => {
    expect(dates('due 04/05/2025', { ...context, dateOrder: 'MDY' })).toEqual(['2025-04-05'])
  })

  it('resolves relative dates against the reference date', () => {
    expect(dates('please answer by tomorrow')).toEqual(['2025-03-02'])
  })

  it('ignores phrases that name no day', () => {
    expect(dates('a term of 12 months, right now, sometime in March 2025')).toEqual([])
  })

  it('does not take an amount for a date', () => {
    expect(dates('Betrag €1.250,50')).toEqual([])
  })
})
