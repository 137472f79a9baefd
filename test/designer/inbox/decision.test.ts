import { describe, expect, it } from 'vitest'
import type { TaskField } from '../../../designer/src/api/types'
import { corrections, decisionKeys, draftOf, needsReason } from '../../../designer/src/inbox/decision'

const form: TaskField[] = [
  { name: 'amount', label: 'Amount', type: 'number', value: 12000 },
  { name: 'note', label: 'Note', type: 'string', value: null },
  { name: 'vat', label: 'VAT included', type: 'boolean', value: true },
  { name: 'due', label: 'Due', type: 'date', value: '2026-12-15' },
]

describe('the decision form', () => {
  it('gives every decision a number and, where unique and free, its first letter', () => {
    expect(decisionKeys(['approve', 'reject']).map((k) => [k.number, k.letter, k.label])).toEqual([
      [1, 'a', 'Approve'],
      [2, 'r', 'Reject'],
    ])
    // "c" claims a task, and two decisions starting with "a" share no letter.
    expect(decisionKeys(['accept', 'approve', 'confirm']).map((k) => k.letter)).toEqual([undefined, undefined, undefined])
  })

  it('labels the buttons as the flow designer wrote them, falling back to the decision name', () => {
    expect(decisionKeys(['approve', 'amend'], { approve: 'Grant the loan' }).map((k) => k.label)).toEqual(['Grant the loan', 'Amend'])
  })

  it('sends only the fields the reviewer changed, typed as the form says', () => {
    const draft = { ...draftOf(form), amount: '10000', vat: false }
    expect(corrections(form, draft)).toEqual({ data: { amount: 10000, vat: false }, errors: {} })
  })

  it('sends nothing when a value was typed back to what it was', () => {
    expect(corrections(form, { ...draftOf(form), amount: '12000.0', note: '' })).toEqual({ data: {}, errors: {} })
  })

  it('refuses a number field that is not a number, before anything is sent', () => {
    expect(corrections(form, { ...draftOf(form), amount: '12k' }).errors).toEqual({ amount: 'Enter a number, e.g. 1200 or 0.5.' })
    expect(corrections(form, { ...draftOf(form), amount: ' ' }).errors).toEqual({ amount: 'Enter a number.' })
  })

  it('needs a reason only when the decision differs from the AI proposal', () => {
    expect(needsReason('reject', 'approve')).toBe(true)
    expect(needsReason('reject', 'reject')).toBe(false)
    expect(needsReason(undefined, 'approve')).toBe(false)
  })
})
