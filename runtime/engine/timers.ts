/**
 * Timers: deadlines, expiries, reminders and waits are stored as absolute
 * times in the run's log. A scheduler at the edge asks the engine to fire
 * what is due; each timer fires at most once, also after a restart.
 */
import { resumeWait } from './advance.js'
import { CHILD_CHECK, scheduleNextCheck } from './children.js'
import type { Engine } from './engine.js'

/**
 * Fire every timer due at the engine's current time, here and now, whoever
 * may have claimed it (tests, `inloop run`); returns how many fired. A
 * server's scheduler claims timers instead (`runtime/scheduler.ts`).
 */
export async function fireDueTimers(engine: Engine, batch = 200): Promise<number> {
  const { store, clock, log } = engine.deps
  let fired = 0
  for (;;) {
    const due = await store.runs.claimDueTimers({ now: clock.now().toISOString(), limit: batch, leaseMs: 0 })
    let progressed = false
    for (const { runId, timerId } of due) {
      try {
        if (await fireTimer(engine, runId, timerId)) {
          fired++
          progressed = true
        }
      } catch (error) {
        log.error('timer could not fire', { runId, timerId, error: error instanceof Error ? error.message : String(error) })
        return fired
      }
    }
    if (!progressed) return fired
  }
}

/**
 * Fire one timer if it is still pending and due. `due: true` says the store
 * judged it due by its own clock (PostgreSQL's), which then wins over this
 * process's clock.
 */
export async function fireTimer(engine: Engine, runId: string, timerId: string, options: { due?: boolean } = {}): Promise<boolean> {
  return engine.withRun(runId, async (step) => {
    const timer = step.tx.state.timers[timerId]
    if (!timer || timer.status !== 'pending') return false
    if (!options.due && new Date(timer.fireAt) > engine.deps.clock.now()) return false
    step.tx.emit({ type: 'timer.fired', timerId })
    // The engine's own check on a child run: the follow-up after this commit does the checking.
    if (timer.name === CHILD_CHECK) {
      if (step.tx.state.waits[timer.exec]) scheduleNextCheck(step, timer)
      return true
    }
    if (step.tx.state.waits[timer.exec]) {
      if (timer.name === 'expiry') {
        for (const request of Object.values(step.tx.state.requests)) {
          if (request.exec === timer.exec && request.status === 'open') step.tx.emit({ type: 'customer.closed', requestId: request.id, reason: 'expired' })
        }
      }
      await resumeWait(step, timer.exec, { kind: 'timer', name: timer.name })
    }
    return true
  })
}
