import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { LabelledExample } from '../../../../runtime/ai/local/naive-bayes.js'
import { tokenize } from '../../../../runtime/ai/local/tokenize.js'
import { evaluateAccuracy, trainModel } from '../../../../runtime/ai/local/training.js'

const notes: LabelledExample[] = readFileSync(new URL('../../../../examples/datasets/loan-notes.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as LabelledExample)

// Fixed 5-fold split: note i is held out in fold i % 5. Each fold trains on 160 notes.
const folds = [0, 1, 2, 3, 4].map((fold) => ({
  train: notes.filter((_, i) => i % 5 !== fold),
  test: notes.filter((_, i) => i % 5 === fold),
}))
const reports = folds.map(({ train, test }) => evaluateAccuracy(trainModel(train), test))
const pooled = (key: 'correct' | 'total') => reports.reduce((sum, r) => sum + r[key], 0)

describe('the local classifier on the loan-notes dataset', () => {
  it('ships 200 notes, half good and half risky', () => {
    expect(notes).toHaveLength(200)
    expect(notes.filter((n) => n.label === 'good')).toHaveLength(100)
  })

  it('cannot be separated by a single word', () => {
    // The best one-word rule ("contains w → label") stays far below the classifier.
    const words = notes.map((n) => new Set(tokenize(n.text)))
    let best = 0
    for (const word of new Set(words.flatMap((set) => [...set]))) {
      const hits = notes.filter((n, i) => words[i].has(word) === (n.label === 'risky')).length
      best = Math.max(best, hits, notes.length - hits)
    }
    expect(best / notes.length).toBeLessThan(0.7)
  })

  it('labels at least 78% of held-out notes right', () => {
    // Measured: 0.82 pooled over the five folds (164/200); the worst fold is
    // 0.75 on 40 notes. The chance and majority baselines are 0.5, the best
    // one-word rule 0.64. The split is fixed and training deterministic, so
    // the floor is a regression guard, not a flaky statistical bound: 0.78
    // allows for a few notes to flip when the tokenizer is tuned.
    expect(pooled('correct') / pooled('total')).toBeGreaterThanOrEqual(0.78)
  })

  it('is confident about as often as it is right on held-out notes', () => {
    // Calibration: mean confidence tracks accuracy (measured 0.823 vs 0.82).
    const meanConfidence = reports.reduce((sum, r) => sum + r.meanConfidence * r.total, 0) / pooled('total')
    expect(Math.abs(meanConfidence - pooled('correct') / pooled('total'))).toBeLessThan(0.05)
  })

  it('reports accuracy per true label', () => {
    const { byLabel, total } = reports[0]
    expect(byLabel.good.total + byLabel.risky.total).toBe(total)
  })

  it('reports zero accuracy, not NaN, for an empty evaluation set', () => {
    expect(evaluateAccuracy(trainModel(notes), [])).toMatchObject({ accuracy: 0, total: 0, meanConfidence: 0 })
  })
})
