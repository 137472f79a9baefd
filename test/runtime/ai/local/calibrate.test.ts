import { describe, expect, it } from 'vitest'
import { fitTemperature, leaveOneOutLogits, shrinkageFor } from '../../../../runtime/ai/local/calibrate.js'
import { countExamples, logTables } from '../../../../runtime/ai/local/counts.js'
import { sortExamples } from '../../../../runtime/ai/local/model-version.js'
import { tokenize } from '../../../../runtime/ai/local/tokenize.js'

const examples = sortExamples([
  { text: 'stable salary, no late payments', label: 'good' },
  { text: 'secure income and savings', label: 'good' },
  { text: 'stable job, savings, owns house', label: 'good' },
  { text: 'missed payments, overdraft', label: 'risky' },
  { text: 'unemployed, debts in collection', label: 'risky' },
  { text: 'late payments and overdraft fees', label: 'risky' },
])

/** Raw log-scores of a model trained on `train`, ignoring features it never saw. */
function rawLogits(train: typeof examples, text: string): number[] {
  const { table } = countExamples(train, true)
  const { logPrior, logLikelihood } = logTables(table, 0.5)
  const k = table.labels.length
  const z = Array.from(logPrior)
  for (const feature of new Set(tokenize(text, { bigrams: true }))) {
    const i = table.vocabulary.indexOf(feature)
    if (i >= 0) for (let c = 0; c < k; c++) z[c] += logLikelihood[i * k + c]
  }
  return z
}

describe('leaveOneOutLogits', () => {
  it('equals the scores of a model retrained without each example', () => {
    const loo = leaveOneOutLogits(countExamples(examples, true), 0.5)
    examples.forEach((example, d) => {
      const expected = rawLogits(examples.filter((_, i) => i !== d), example.text)
      expected.forEach((value, c) => expect(loo[d][c]).toBeCloseTo(value, 10))
    })
  })
})

describe('fitTemperature', () => {
  it('keeps T at 1 when held-out predictions are all right and confident', () => {
    expect(fitTemperature([Float64Array.of(0, -5), Float64Array.of(-5, 0)], [0, 1])).toBeCloseTo(1, 3)
  })

  it('raises T when confident held-out predictions are often wrong', () => {
    const logits = [Float64Array.of(0, -8), Float64Array.of(0, -8), Float64Array.of(-8, 0), Float64Array.of(-8, 0)]
    expect(fitTemperature(logits, [0, 1, 1, 0])).toBeGreaterThan(10)
  })
})

describe('shrinkageFor', () => {
  it('caps a two-label confidence at (N+1)/(N+2)', () => {
    const epsilon = shrinkageFor(6, 2)
    expect(1 - epsilon + epsilon / 2).toBeCloseTo(7 / 8, 12)
  })

  it('shrinks less as the training set grows', () => {
    expect(shrinkageFor(200, 2)).toBeLessThan(shrinkageFor(20, 2))
  })
})
