/**
 * The timer scheduler: wakes at the soonest stored deadline and asks the
 * engine to fire what is due. It never sleeps longer than a minute at a
 * time, so a 30-day wait is a row in the store, not a 30-day setTimeout,
 * and deadlines that passed while the server was down fire at start.
 *
 * A timer that cannot fire (its run's flow version is gone, its run fails
 * to load) must not spin the process or hold up the timers behind it: it is
 * retried with a doubling pause, while the others fire on time.
 */
import type { DueTimer } from './engine/index.js'
import { fireTimer, type Engine } from './engine/index.js'

const MAX_SLEEP_MS = 60_000
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

  const schedule = (afterFailure = false) => {
    if (stopped) return
    clearTimeout(timer)
    let wait = POLL_WHILE_FAILING_MS
    if (!afterFailure) {
      try {
        const next = store.runs.nextTimerAt()
        wait = next ? Date.parse(next) - clock.now().getTime() : MAX_SLEEP_MS
        if (wait <= 0 && failing.size > 0) wait = POLL_WHILE_FAILING_MS
      } catch (error) {
        log.error('scheduler could not read the next timer', { error: String(error) })
      }
    }
    timer = setTimeout(tick, Math.min(Math.max(0, wait), MAX_SLEEP_MS))
    timer.unref()
  }

  /** Fire every due timer once per pass; a failure is logged and retried later. */
  async function fireDue(): Promise<void> {
    const attempted = new Set<string>()
    for (;;) {
      const now = clock.now()
      const due = store.runs.dueTimers(now.toISOString(), failing.size + BATCH)
      const ready = due.filter((t) => !attempted.has(keyOf(t)) && (failing.get(keyOf(t))?.retryAt ?? 0) <= now.getTime())
      if (ready.length === 0) {
        const stillDue = new Set(due.map(keyOf))
        for (const key of failing.keys()) if (!stillDue.has(key)) failing.delete(key)
        return
      }
      for (const t of ready) {
        if (stopped) return
        const key = keyOf(t)
        attempted.add(key)
        try {
          await fireTimer(engine, t.runId, t.timerId)
          failing.delete(key)
        } catch (error) {
          const attempts = (failing.get(key)?.attempts ?? 0) + 1
          const pause = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS)
          failing.set(key, { attempts, retryAt: clock.now().getTime() + pause })
          log.error('timer could not fire; will retry', { runId: t.runId, timerId: t.timerId, attempts, retryInMs: pause, error: error instanceof Error ? error.message : String(error) })
        }
      }
    }
  }

  const tick = () => {
    if (running || stopped) return
    running = fireDue().then(
      () => {
        running = undefined
        schedule()
      },
      (error) => {
        log.error('scheduler tick failed', { error: String(error) })
        running = undefined
        schedule(true)
      },
    )
  }

  tick()
  return {
    poke: () => {
      if (!running) schedule()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
