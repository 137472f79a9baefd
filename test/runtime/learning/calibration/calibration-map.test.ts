import { describe, expect, it } from 'vitest'
import { calibrate, fitCalibration } from '../../../../runtime/learning/calibration/calibration-map.js'

/** `n` answers at `confidence`, `right` of them agreed with. */
const answers = (confidence: number, n: number, right: number) => Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }))

describe('calibrating a model version’s confidence on reviewed answers', () => {
  it('brings an over-confident model down to how often people agreed', () => {
    const map = fitCalibration([...answers(0.95, 200, 140), ...answers(0.6, 200, 110)])
    expect(calibrate(map, 0.95)).toBeCloseTo(0.7, 1)
    expect(calibrate(map, 0.6)).toBeCloseTo(0.55, 1)
  })

  it('never maps a higher confidence lower', () => {
    const map = fitCalibration([...answers(0.9, 30, 12), ...answers(0.7, 30, 20), ...answers(0.5, 30, 10)])
    const values = [0.5, 0.6, 0.7, 0.8, 0.9].map((c) => calibrate(map, c))
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1])
  })

  it('moves little on a handful of answers, and not at all without any', () => {
    expect(calibrate(fitCalibration(answers(0.9, 2, 0)), 0.9)).toBeGreaterThan(0.7)
    expect(calibrate(undefined, 0.83)).toBe(0.83)
    expect(calibrate(fitCalibration([]), 0.83)).toBe(0.83)
  })
})
