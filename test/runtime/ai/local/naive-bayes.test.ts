import { describe, expect, it } from 'vitest'
import { AiError } from '../../../../runtime/ai/errors.js'
import { naiveBayesVersion, NaiveBayesModel, trainNaiveBayes } from '../../../../runtime/ai/local/naive-bayes.js'

const examples = [
  { text: 'permanent contract, stable salary, no late payments', label: 'good' },
  { text: 'long-standing customer, savings, all loans repaid on time', label: 'good' },
  { text: 'civil servant with secure income and clean credit file', label: 'good' },
  { text: 'owns the house, low debts, stable job for ten years', label: 'good' },
  { text: 'missed two payments, overdraft at the limit', label: 'risky' },
  { text: 'unemployed since January, debts in collection', label: 'risky' },
  { text: 'gambling transactions and returned direct debits', label: 'risky' },
  { text: 'income cannot be verified, several late payments', label: 'risky' },
]

const sum = (scores: Record<string, number>) => Object.values(scores).reduce((a, b) => a + b, 0)

describe('trainNaiveBayes', () => {
  const model = trainNaiveBayes(examples)

  it('returns probabilities for every label that sum to 1', () => {
    const { scores } = model.predict('stable salary but missed payments')
    expect(Object.keys(scores)).toEqual(['good', 'risky'])
    expect(sum(scores)).toBeCloseTo(1, 12)
  })

  it('predicts the obvious label for a clearly worded text', () => {
    expect(model.predict('secure income, savings, no late payments').label).toBe('good')
    expect(model.predict('unemployed, overdraft at the limit, debts in collection').label).toBe('risky')
  })

  it('gives the confidence of the predicted label', () => {
    const prediction = model.predict('missed payments, overdraft')
    expect(prediction.confidence).toBe(prediction.scores[prediction.label])
  })

  it('is less confident on ambiguous text than on clear text', () => {
    const clear = model.predict('stable salary, savings, no late payments, clean credit file')
    const ambiguous = model.predict('stable salary but several late payments')
    expect(ambiguous.confidence).toBeLessThan(clear.confidence)
  })

  it('falls back to the priors, near 50/50, for text with no known words', () => {
    expect(model.predict('zebra quantum').confidence).toBeCloseTo(0.5, 5)
  })

  it('never claims certainty with few examples', () => {
    const confidence = model.predict('permanent contract, stable salary, no late payments, savings').confidence
    // Rule of succession with 8 examples: at most 9/10.
    expect(confidence).toBeLessThanOrEqual(0.9 + 1e-12)
  })

  it('names the model by a content hash that ignores example order', () => {
    const shuffled = trainNaiveBayes([...examples].reverse())
    expect(model.version).toMatch(/^nb-[0-9a-f]{12}$/)
    expect(shuffled.version).toBe(model.version)
    expect(shuffled.predict('missed payments')).toEqual(model.predict('missed payments'))
  })

  it('gives a new version when an example changes', () => {
    const changed = [...examples.slice(1), { text: 'permanent contract, stable salary', label: 'good' }]
    expect(trainNaiveBayes(changed).version).not.toBe(model.version)
  })

  it('gives a new version when the training options change', () => {
    expect(trainNaiveBayes(examples, { bigrams: false }).version).not.toBe(model.version)
  })

  it('knows the version of a model before training it', () => {
    expect(naiveBayesVersion(examples)).toBe(model.version)
  })

  it('softens raw naive Bayes scores with a temperature of at least 1', () => {
    expect(model.temperature).toBeGreaterThanOrEqual(1)
    expect(model.temperature).toBeLessThanOrEqual(100)
  })

  it('predicts the same after a round trip through JSON', () => {
    const restored = NaiveBayesModel.fromJSON(JSON.parse(JSON.stringify(model)))
    expect(restored.version).toBe(model.version)
    expect(restored.predict('savings but overdraft')).toEqual(model.predict('savings but overdraft'))
  })

  it('rejects a damaged saved model with AI_BAD_MODEL', () => {
    const json = { ...model.toJSON(), termCounts: [[1, 2]] }
    expect(() => NaiveBayesModel.fromJSON(json)).toThrow(expect.objectContaining({ code: 'AI_BAD_MODEL' }))
  })

  it('refuses to train without examples', () => {
    expect(() => trainNaiveBayes([])).toThrow(AiError)
  })

  it('refuses to train when every example has the same label', () => {
    expect(() => trainNaiveBayes(examples.slice(0, 4))).toThrow(expect.objectContaining({ code: 'AI_TOO_FEW_LABELS' }))
  })

  it('handles more than two labels', () => {
    const three = trainNaiveBayes([
      { text: 'refund my money', label: 'billing' },
      { text: 'charged twice on my card', label: 'billing' },
      { text: 'parcel has not arrived', label: 'shipping' },
      { text: 'where is my delivery', label: 'shipping' },
      { text: 'cannot log in to my account', label: 'account' },
      { text: 'reset my password please', label: 'account' },
    ])
    const prediction = three.predict('my parcel delivery is late')
    expect(prediction.label).toBe('shipping')
    expect(sum(prediction.scores)).toBeCloseTo(1, 12)
  })
})
