import { describe, expect, it } from 'vitest'
import { heldOutCount } from '../../../../runtime/learning/loop/candidate.js'
import { calibrationError } from '../../../../runtime/learning/loop/model-figures.js'

describe('candidate figures', () => {
  it('hold out the newest fifth of the answers, at least ten, and always leave one to learn from', () => {
    expect(heldOutCount(20)).toBe(10)
    expect(heldOutCount(150)).toBe(30)
    expect(heldOutCount(8)).toBe(7)
  })

  it('measure calibration as the case-weighted gap between confidence and accuracy per band', () => {
    expect(calibrationError([{ confidence: 0.9, correct: true }, { confidence: 0.9, correct: false }])).toBe(0.4)
    expect(calibrationError([{ confidence: 0.75, correct: true }, { confidence: 0.75, correct: true }, { confidence: 0.75, correct: true }, { confidence: 0.75, correct: false }])).toBe(0)
    expect(calibrationError([])).toBe(0)
  })
})
