/** The chunked sorted list behaves like a sorted array under random inserts and deletes. */
import { describe, expect, it } from 'vitest'
import { SortedList, mergeAscending } from '../../../runtime/store/sorted-list.js'

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
}

describe('sorted list', () => {
  it('keeps keys in order through many random inserts and deletes', () => {
    const list = new SortedList<number>()
    const reference = new Map<string, number>()
    const next = random(7)
    for (let i = 0; i < 20_000; i++) {
      const key = String(Math.floor(next() * 5_000)).padStart(5, '0')
      if (next() < 0.6) {
        list.insert(key, i)
        reference.set(key, i)
      } else {
        expect(list.delete(key)).toBe(reference.delete(key))
      }
    }
    const sorted = [...reference.keys()].sort()
    expect(list.size).toBe(sorted.length)
    expect([...list.ascending()].map((x) => x.key)).toEqual(sorted)
    expect([...list.descending()].map((x) => x.key)).toEqual([...sorted].reverse())
    expect([...list.ascending('02500')].map((x) => x.key)).toEqual(sorted.filter((k) => k >= '02500'))
    expect([...list.descending('02500')].map((x) => x.key)).toEqual(sorted.filter((k) => k < '02500').reverse())
    expect(list.first()).toBe(reference.get(sorted[0]))
  })

  it('replaces the value of a key inserted twice', () => {
    const list = new SortedList<string>()
    list.insert('a', 'first')
    list.insert('a', 'second')
    expect(list.size).toBe(1)
    expect(list.first()).toBe('second')
  })

  it('merges ascending streams into one ascending stream', () => {
    const a = new SortedList<string>()
    const b = new SortedList<string>()
    for (const k of ['1', '4', '6']) a.insert(k, `a${k}`)
    for (const k of ['2', '3', '9']) b.insert(k, `b${k}`)
    expect([...mergeAscending([a.ascending(), b.ascending()])]).toEqual(['a1', 'b2', 'b3', 'a4', 'a6', 'b9'])
  })
})
