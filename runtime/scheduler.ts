/**
 * The timer scheduler: wakes at the soonest stored deadline and asks the
 * engine to fire what is due. It never sleeps longer than a minute at a
 * time, so a 30-day wait is a row in the store, not a 30-day setTimeout,
 * and deadlines that passed while the server was down fire at start.
 */
import { fireDueTimers, type Engine } from './engine/index.js'

const MAX_SLEEP_MS = 60_000

export interface Scheduler {
  /** Re-check soon (after a commit that may have added an earlier timer). */
  poke(): void
  stop(): Promise<void>
}

export function startScheduler(engine: Engine): Scheduler {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const schedule = () => {
    if (stopped) return
    clearTimeout(timer)
    const next = engine.deps.store.runs.nextTimerAt()
    const wait = next ? Math.max(0, Date.parse(next) - engine.deps.clock.now().getTime()) : MAX_SLEEP_MS
    timer = setTimeout(tick, Math.min(wait, MAX_SLEEP_MS))
    timer.unref()
  }

  const tick = () => {
    if (running || stopped) return
    running = fireDueTimers(engine)
      .catch((error) => engine.deps.log.error('scheduler tick failed', { error: String(error) }))
      .then(() => {
        running = undefined
        schedule()
      })
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
