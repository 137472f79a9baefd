import { describe, expect, it } from 'vitest'
import { cosineSimilarity, nearestExample } from '../../../../runtime/ai/local/similarity.js'

describe('cosineSimilarity', () => {
  it('is 1 for texts with the same words, whatever case and stop words', () => {
    expect(cosineSimilarity('The refund of my order', 'order refund')).toBeCloseTo(1, 12)
  })

  it('is 0 for texts sharing no word, or without words', () => {
    expect(cosineSimilarity('refund order', 'parcel late')).toBe(0)
    expect(cosineSimilarity('', 'parcel late')).toBe(0)
  })

  it('lies between 0 and 1 for partly shared words', () => {
    const similarity = cosineSimilarity('refund my order', 'please refund the order')
    expect(similarity).toBeGreaterThan(0.5)
    expect(similarity).toBeLessThan(1)
  })
})

describe('nearestExample', () => {
  const examples = [
    { text: 'parcel late', label: 'shipping' },
    { text: 'refund order', label: 'billing' },
    { text: 'order refund please', label: 'billing-2' },
  ]

  it('picks the most similar example', () => {
    expect(nearestExample('my parcel is late', examples)?.example.label).toBe('shipping')
  })

  it('keeps the first of equally similar examples', () => {
    expect(nearestExample('refund order', [examples[1], { text: 'order refund', label: 'other' }])?.example.label).toBe('billing')
  })

  it('finds nothing when no example shares a word', () => {
    expect(nearestExample('change address', examples)).toBeUndefined()
  })
})
