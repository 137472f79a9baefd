/**
 * Group commit: calls that arrive while a flush is under way wait for the next
 * one, and each flush handles its whole batch at once, so N concurrent appends
 * cost one round of parallel writes and one fsync per directory, not N.
 */

export interface Waiter<T> {
  item: T
  resolve: () => void
  reject: (err: unknown) => void
}

export class GroupCommit<T> {
  private queue: Waiter<T>[] = []
  private draining: Promise<void> | undefined

  /** `flush` settles every waiter of its batch; if it throws, the unsettled ones are rejected. */
  constructor(private readonly flush: (batch: Waiter<T>[]) => Promise<void>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      this.draining ??= this.drain()
    })
  }

  /** Resolves once everything submitted so far is settled. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining
  }

  private async drain(): Promise<void> {
    // Let callers of the same tick join the first batch.
    await Promise.resolve()
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0)
      try {
        await this.flush(batch)
      } catch (err) {
        for (const waiter of batch) waiter.reject(err)
      }
    }
    this.draining = undefined
  }
}
