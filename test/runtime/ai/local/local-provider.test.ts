import { describe, expect, it } from 'vitest'
import type { AiRequest } from '../../../../node-types/sdk/types.js'
import { createLocalProvider } from '../../../../runtime/ai/local/local-provider.js'
import { createAiService } from '../../../../runtime/ai/provider.js'

const examples = [
  { text: 'permanent contract, stable salary, no late payments', label: 'good' },
  { text: 'civil servant with secure income and savings', label: 'good' },
  { text: 'owns the house, low debts, stable job', label: 'good' },
  { text: 'missed two payments, overdraft at the limit', label: 'risky' },
  { text: 'unemployed since January, debts in collection', label: 'risky' },
  { text: 'income cannot be verified, several late payments', label: 'risky' },
]

const classify = (extra: Partial<AiRequest> = {}): AiRequest => ({
  task: 'classify', provider: 'local', text: 'stable salary and savings', examples, ...extra,
})

describe('the local provider', () => {
  describe('classify', () => {
    it('answers with the most probable label, its probability and every score', async () => {
      const answer = await createLocalProvider().run(classify())
      expect(answer).toMatchObject({ label: 'good', model: 'local-naive-bayes', modelVersion: expect.stringMatching(/^nb-/) })
      expect(answer.confidence).toBe(answer.scores?.good)
      expect((answer.scores?.good ?? 0) + (answer.scores?.risky ?? 0)).toBeCloseTo(1, 12)
    })

    it('trains once per example set, however often and in whatever order it is asked', async () => {
      const provider = createLocalProvider()
      const first = await provider.run(classify())
      const second = await provider.run(classify({ text: 'missed payments', examples: [...examples].reverse() }))
      expect(second.modelVersion).toBe(first.modelVersion)
      expect(provider.stats()).toMatchObject({ trainings: 1, hits: 1 })
    })

    it('orders the scores by the labels it is given', async () => {
      const answer = await createLocalProvider().run(classify({ labels: ['risky', 'good'] }))
      expect(Object.keys(answer.scores ?? {})).toEqual(['risky', 'good'])
    })

    it('restricts the answer to the labels it is given', async () => {
      const three = [...examples, { text: 'wants a loan for a boat', label: 'unclear' }, { text: 'boat purchase', label: 'unclear' }]
      const answer = await createLocalProvider().run(classify({ examples: three, labels: ['good', 'risky'] }))
      expect(Object.keys(answer.scores ?? {})).toEqual(['good', 'risky'])
      expect((answer.scores?.good ?? 0) + (answer.scores?.risky ?? 0)).toBeCloseTo(1, 12)
    })

    it('rejects a label that no example has', async () => {
      await expect(createLocalProvider().run(classify({ labels: ['good', 'fraud'] }))).rejects.toMatchObject({
        code: 'AI_UNKNOWN_LABEL',
        message: expect.stringContaining("'fraud'"),
      })
    })

    it('rejects a request without examples and says what to add', async () => {
      await expect(createLocalProvider().run(classify({ examples: [] }))).rejects.toMatchObject({
        code: 'AI_NO_EXAMPLES',
        message: expect.stringContaining('labelled examples'),
      })
    })

    it('reads smoothing and bigram options from the request', async () => {
      const provider = createLocalProvider()
      const plain = await provider.run(classify())
      const unigrams = await provider.run(classify({ options: { bigrams: false } }))
      expect(unigrams.modelVersion).not.toBe(plain.modelVersion)
    })
  })

  describe('score', () => {
    it('gives the probability of the first label as the value', async () => {
      const answer = await createLocalProvider().run(classify({ task: 'score', labels: ['risky', 'good'] }))
      expect(answer.value).toBe(answer.scores?.risky)
      expect(answer.label).toBe('good')
      expect(answer.confidence).toBe(answer.scores?.good)
    })

    it('scores with all labels when only the positive one is named', async () => {
      const answer = await createLocalProvider().run(classify({ task: 'score', labels: ['risky'] }))
      expect(answer.value).toBe(answer.scores?.risky)
      expect(answer.value).toBeLessThan(0.5)
      expect(Object.keys(answer.scores ?? {})).toEqual(['good', 'risky'])
    })

    it('rejects a score without labels', async () => {
      await expect(createLocalProvider().run(classify({ task: 'score' }))).rejects.toMatchObject({ code: 'AI_NO_POSITIVE_LABEL' })
    })
  })

  describe('extract', () => {
    const text = 'Kredit über 5.000 Euro, Auszahlung am 15.04.2025 an DE89 3704 0044 0532 0130 00'

    it('returns the findings of the requested extractors with full confidence when all are found', async () => {
      const answer = await createLocalProvider().run({ task: 'extract', provider: 'local', text, extract: ['amount', 'date'] })
      expect(answer).toEqual({
        value: {
          amount: [{ text: '5.000 Euro', index: 12, value: { amount: 5000, currency: 'EUR' } }],
          date: [{ text: '15.04.2025', index: 38, value: '2025-04-15' }],
        },
        confidence: 1,
        model: 'local-extractors',
        modelVersion: 'extractors-1',
      })
    })

    it('lowers the confidence to the share of requested fields found', async () => {
      const answer = await createLocalProvider().run({ task: 'extract', provider: 'local', text, extract: ['amount', 'email', 'iban', 'id'] })
      expect(answer.confidence).toBe(0.5)
    })

    it('runs every extractor when none are requested', async () => {
      const answer = await createLocalProvider().run({ task: 'extract', provider: 'local', text })
      expect(Object.keys(answer.value as object)).toEqual(['date', 'amount', 'email', 'iban', 'id'])
    })

    it('resolves relative dates against the reference date in the options', async () => {
      const answer = await createLocalProvider().run({
        task: 'extract', provider: 'local', text: 'ship tomorrow', extract: ['date'],
        options: { referenceDate: '2025-06-30T12:00:00Z' },
      })
      expect(answer.value).toEqual({ date: [expect.objectContaining({ value: '2025-07-01' })] })
    })

    it('resolves relative dates against its clock when the request gives none', async () => {
      const provider = createLocalProvider({ now: () => new Date('2025-01-10T12:00:00Z') })
      const answer = await provider.run({ task: 'extract', provider: 'local', text: 'ship tomorrow', extract: ['date'] })
      expect(answer.value).toEqual({ date: [expect.objectContaining({ value: '2025-01-11' })] })
    })
  })

  describe('draft', () => {
    const replies = [
      { text: 'where is my parcel, it has not arrived', label: 'Your parcel is on its way and arrives within two days.' },
      { text: 'I want a refund for my order', label: 'We have started your refund; it reaches you in five days.' },
    ]

    it('fills the template with the text and the answer of the most similar example', async () => {
      const answer = await createLocalProvider().run({
        task: 'draft', provider: 'local', text: 'My parcel has not arrived yet', examples: replies,
        prompt: 'Re: {{ text }}\n{{suggestion}}',
      })
      expect(answer.label).toBe(replies[0].label)
      expect(answer.value).toEqual({
        draft: `Re: My parcel has not arrived yet\n${replies[0].label}`,
        suggestion: { label: replies[0].label, text: replies[0].text, similarity: answer.confidence },
      })
      expect(answer.confidence).toBeGreaterThan(0.4)
      expect(answer.confidence).toBeLessThan(1)
    })

    it('has zero confidence and no suggestion when no example is similar', async () => {
      const answer = await createLocalProvider().run({ task: 'draft', provider: 'local', text: 'Change my address', examples: replies })
      expect(answer).toMatchObject({ confidence: 0, value: { draft: 'Change my address', suggestion: null } })
      expect(answer.label).toBeUndefined()
    })
  })

  it('serves an AI service as its local provider', async () => {
    const ai = createAiService([createLocalProvider()])
    expect((await ai.run(classify({ provider: '' }))).model).toBe('local-naive-bayes')
  })

  it('rejects an unknown task', async () => {
    const request = { ...classify(), task: 'translate' } as unknown as AiRequest
    await expect(createLocalProvider().run(request)).rejects.toMatchObject({ code: 'AI_UNKNOWN_TASK' })
  })
})
