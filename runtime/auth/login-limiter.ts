/**
 * Slows down password guessing: after `max` failed logins for one username
 * (from anywhere) or from one address within the window, further attempts
 * are refused until the window has passed. In memory: a restart forgets.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>()

  constructor(
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `keys` may try again; 0 when they may now. */
  retryAfter(keys: string[]): number {
    const t = this.now()
    let wait = 0
    for (const key of keys) {
      const recent = this.recent(key, t)
      if (recent.length >= this.max) wait = Math.max(wait, recent[0] + this.windowMs - t)
    }
    return wait
  }

  fail(keys: string[]): void {
    const t = this.now()
    for (const key of keys) this.failures.set(key, [...this.recent(key, t), t])
    if (this.failures.size > 10_000) this.sweep(t)
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key)
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > t - this.windowMs)
  }

  private sweep(t: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, t).length === 0) this.failures.delete(key)
  }
}
