import { describe, expect, it } from 'vitest'
import { createModelCache } from '../../../../runtime/ai/local/model-cache.js'

const setOf = (n: number) => [
  { text: `steady job ${n}`, label: 'good' },
  { text: `missed payments ${n}`, label: 'risky' },
]

describe('createModelCache', () => {
  it('trains an example set once and reuses the model, whatever the order', () => {
    const cache = createModelCache()
    const first = cache.get(setOf(1))
    expect(cache.get([...setOf(1)].reverse())).toBe(first)
    expect(cache.stats()).toEqual({ trainings: 1, hits: 1, size: 1 })
  })

  it('trains again when the training options differ', () => {
    const cache = createModelCache()
    cache.get(setOf(1))
    cache.get(setOf(1), { bigrams: false })
    expect(cache.stats().trainings).toBe(2)
  })

  it('evicts the least recently used model beyond its capacity', () => {
    const cache = createModelCache(2)
    cache.get(setOf(1))
    cache.get(setOf(2))
    cache.get(setOf(1)) // 2 is now the least recently used
    cache.get(setOf(3))
    expect(cache.stats()).toMatchObject({ trainings: 3, size: 2 })
    cache.get(setOf(1))
    expect(cache.stats().trainings).toBe(3)
    cache.get(setOf(2))
    expect(cache.stats().trainings).toBe(4)
  })
})
