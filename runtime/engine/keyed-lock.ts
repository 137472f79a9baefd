/**
 * Serialise async work per key (per run): two decisions on one task, or a
 * timer and a decision arriving together, run one after the other, never
 * interleaved. Keys with no work pending hold no memory.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>()

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key)
    const result = previous ? previous.then(fn, fn) : fn()
    const tail = result.then(noop, noop)
    this.tails.set(key, tail)
    try {
      return await result
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}

function noop(): void {}
