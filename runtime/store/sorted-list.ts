/**
 * An ordered collection keyed by unique strings, stored as a list of small
 * sorted chunks so that insert and delete cost O(log n + chunk) instead of
 * moving a 100,000-element array. The indexes (inbox, timers, run lists) are
 * built from it so a query walks only the page it returns.
 */

interface Item<T> {
  key: string
  value: T
}

const MAX_CHUNK = 512

export class SortedList<T> {
  private chunks: Item<T>[][] = []
  private count = 0

  get size(): number {
    return this.count
  }

  first(): T | undefined {
    return this.chunks[0]?.[0]?.value
  }

  /** The value under `key`, if any. */
  get(key: string): T | undefined {
    if (this.chunks.length === 0) return undefined
    const chunk = this.chunks[this.chunkFor(key)]
    const i = lowerBound(chunk, key)
    return i < chunk.length && chunk[i].key === key ? chunk[i].value : undefined
  }

  /** Insert `value` under `key`; a key already present is replaced. */
  insert(key: string, value: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([{ key, value }])
      this.count = 1
      return
    }
    const lastChunk = this.chunks[this.chunks.length - 1]
    if (lastChunk.length < MAX_CHUNK * 2 && lastChunk[lastChunk.length - 1].key < key) {
      // Ids and times grow: most inserts land at the end.
      lastChunk.push({ key, value })
      this.count++
      return
    }
    const c = this.chunkFor(key)
    const chunk = this.chunks[c]
    const i = lowerBound(chunk, key)
    if (i < chunk.length && chunk[i].key === key) {
      chunk[i].value = value
      return
    }
    chunk.splice(i, 0, { key, value })
    this.count++
    if (chunk.length > MAX_CHUNK * 2) this.chunks.splice(c, 1, chunk.slice(0, MAX_CHUNK), chunk.slice(MAX_CHUNK))
  }

  delete(key: string): boolean {
    if (this.chunks.length === 0) return false
    const c = this.chunkFor(key)
    const chunk = this.chunks[c]
    const i = lowerBound(chunk, key)
    if (i >= chunk.length || chunk[i].key !== key) return false
    chunk.splice(i, 1)
    this.count--
    if (chunk.length === 0) this.chunks.splice(c, 1)
    return true
  }

  /** Values in ascending key order, starting at the first key >= `fromKey`. */
  *ascending(fromKey?: string): Generator<{ key: string; value: T }> {
    let c = fromKey === undefined ? 0 : this.chunkFor(fromKey)
    let i = fromKey === undefined || this.chunks.length === 0 ? 0 : lowerBound(this.chunks[c], fromKey)
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]
      for (; i < chunk.length; i++) yield chunk[i]
    }
  }

  /** Values in descending key order, starting at the last key < `beforeKey`. */
  *descending(beforeKey?: string): Generator<{ key: string; value: T }> {
    let c = this.chunks.length - 1
    let i = c >= 0 ? this.chunks[c].length - 1 : -1
    if (beforeKey !== undefined && c >= 0) {
      c = this.chunkFor(beforeKey)
      i = lowerBound(this.chunks[c], beforeKey) - 1
    }
    for (; c >= 0; c--, i = c >= 0 ? this.chunks[c].length - 1 : -1) {
      const chunk = this.chunks[c]
      for (; i >= 0; i--) yield chunk[i]
    }
  }

  /** How many keys are < `key`: O(chunks + log chunk), to count a range without walking it. */
  rank(key: string): number {
    if (this.chunks.length === 0) return 0
    const c = this.chunkFor(key)
    let before = 0
    for (let k = 0; k < c; k++) before += this.chunks[k].length
    return before + lowerBound(this.chunks[c], key)
  }

  /** Index of the first chunk whose last key is >= `key`, else the last chunk. */
  private chunkFor(key: string): number {
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const chunk = this.chunks[mid]
      if (chunk[chunk.length - 1].key < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

function lowerBound<T>(chunk: Item<T>[], key: string): number {
  let lo = 0
  let hi = chunk.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (chunk[mid].key < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Merge ascending streams into one ascending stream (k is small: a few roles × statuses). */
export function* mergeAscending<T>(streams: Iterator<{ key: string; value: T }>[]): Generator<T> {
  const heads = streams.map((s) => s.next())
  for (;;) {
    let best = -1
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k]
      if (h.done) continue
      if (best < 0) best = k
      else {
        const b = heads[best]
        if (!b.done && h.value.key < b.value.key) best = k
      }
    }
    if (best < 0) return
    const head = heads[best]
    if (head.done) return
    yield head.value.value
    heads[best] = streams[best].next()
  }
}
