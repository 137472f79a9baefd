/**
 * The timer scheduler: wakes at the soonest stored deadline, claims what is
 * due (a lease, so that of several processes on one database one fires each
 * timer, and the timers of a process that died are taken over when its
 * leases end) and asks the engine to fire them. It never sleeps longer than
 * a few seconds, so a 30-day wait is a row in the store, not a 30-day
 * setTimeout; deadlines that passed while the server was down fire at start,
 * and timers another process scheduled are seen soon after.
 *
 * A timer that cannot fire (its run's flow version is gone, its run fails
 * to load) must not spin the process or hold up the timers behind it: it is
 * retried with a doubling pause, while the others fire on time.
 */
import type { DueTimer } from './engine/index.js'
import { fireTimer, type Engine } from './engine/index.js'

const MAX_SLEEP_MS = 10_000
/** A claimed timer is this process's for so long; then any process may take it. */
export const TIMER_LEASE_MS = 30_000
/** While some timer keeps failing, look for newly due ones this often. */
const POLL_WHILE_FAILING_MS = 1_000
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 60 * 60_000
const BATCH = 200

export interface Scheduler {
  /** Re-check soon (after a commit that may have added an earlier timer). */
  poke(): void
  stop(): Promise<void>
}

interface Failing {
  timer: DueTimer
  attempts: number
  retryAt: number
}

export function startScheduler(engine: Engine): Scheduler {
  const { store, clock, log } = engine.deps
  const failing = new Map<string, Failing>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const keyOf = (t: DueTimer) => `${t.runId}\u0000${t.timerId}`

  const schedule = async (afterFailure = false) => {
    if (stopped) return
    let wait = POLL_WHILE_FAILING_MS
    if (!afterFailure) {
      try {
        const next = await store.runs.nextTimerAt()
        wait = next ? Date.parse(next) - clock.now().getTime() : MAX_SLEEP_MS
        if (failing.size > 0) wait = Math.min(Math.max(wait, 0), POLL_WHILE_FAILING_MS)
      } catch (error) {
        log.error('scheduler could not read the next timer', { error: String(error) })
        wait = POLL_WHILE_FAILING_MS
      }
    }
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(tick, Math.min(Math.max(0, wait), MAX_SLEEP_MS))
    timer.unref()
  }

  /** Fire every due timer once per pass; a failure is logged and retried later. */
  async function fireDue(): Promise<void> {
    const attempted = new Set<string>()
    // Timers that failed here earlier are still ours (or soon anyone's): retry those whose pause is over.
    const retry = [...failing.values()].filter((f) => f.retryAt <= clock.now().getTime()).map((f) => f.timer)
    await fireAll(retry, attempted)
    for (;;) {
      const now = clock.now()
      const due = await store.runs.claimDueTimers({ now: now.toISOString(), limit: BATCH, leaseMs: TIMER_LEASE_MS })
      // A failing timer whose lease ended comes back: it waits for its own pause.
      const ready = due.filter((t) => !attempted.has(keyOf(t)) && (failing.get(keyOf(t))?.retryAt ?? 0) <= now.getTime())
      if (ready.length === 0) return
      await fireAll(ready, attempted)
      if (stopped) return
    }
  }

  async function fireAll(timers: DueTimer[], attempted: Set<string>): Promise<void> {
    for (const t of timers) {
      if (stopped) return
      const key = keyOf(t)
      attempted.add(key)
      try {
        // The store judged it due (by the database's clock, where there is one).
        await fireTimer(engine, t.runId, t.timerId, { due: true })
        failing.delete(key)
      } catch (error) {
        const attempts = (failing.get(key)?.attempts ?? 0) + 1
        const pause = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS)
        failing.set(key, { timer: t, attempts, retryAt: clock.now().getTime() + pause })
        if (failing.size > 10_000) failing.delete(failing.keys().next().value as string)
        log.error('timer could not fire; will retry', { runId: t.runId, timerId: t.timerId, attempts, retryInMs: pause, error: error instanceof Error ? error.message : String(error) })
      }
    }
  }

  const tick = () => {
    if (running || stopped) return
    running = fireDue()
      .then(
        () => schedule(),
        (error) => {
          log.error('scheduler tick failed', { error: String(error) })
          return schedule(true)
        },
      )
      .finally(() => {
        running = undefined
      })
  }

  tick()
  return {
    poke: () => {
      if (!running) void schedule()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
