/**
 * The loop behind `runFlow`: while a run waits, ask the test's callbacks to
 * decide its open tasks and answer its open customer requests; when they
 * leave everything open, move the test clock to the next timer and fire it.
 * Stops when the run ends or waits on something nothing will answer.
 */
import type { JsonObject } from '../../node-types/sdk/types.js'
import type { Clock } from '../engine/deps.js'
import { answerCustomer, decideTask, fireDueTimers, type Engine } from '../engine/index.js'
import type { RequestState, RunState, TaskState } from '../engine/state.js'

/** How a test answers a task: a decision, and who decides (default: a fresh reviewer each time). */
export interface TestDecision {
  decision: string
  data?: JsonObject
  reason?: string
  by?: string
}

/** How a test answers a customer request. */
export interface TestAnswer {
  answer: string
  data?: JsonObject
}

export interface SettleOptions {
  decide?: (task: TaskState, run: RunState) => TestDecision | undefined | Promise<TestDecision | undefined>
  answer?: (request: RequestState, run: RunState) => TestAnswer | undefined | Promise<TestAnswer | undefined>
  clock: Clock & { set?(at: Date): void }
  maxSteps?: number
}

/** Drive run `runId` as far as the callbacks and the timers take it. */
export async function settleWaits(engine: Engine, runId: string, options: SettleOptions): Promise<void> {
  const maxSteps = options.maxSteps ?? 100
  for (let step = 0; step < maxSteps; step++) {
    const run = await engine.deps.store.runs.getRun(runId)
    if (!run || run.status !== 'waiting') return
    if (await answerOne(engine, run, options)) continue
    if (!(await fireNextTimer(engine, run, options.clock))) return
  }
  throw new Error(`runFlow: run ${runId} still waits after ${maxSteps} answers and timers; does the flow loop for ever?`)
}

async function answerOne(engine: Engine, run: RunState, options: SettleOptions): Promise<boolean> {
  for (const task of Object.values(run.tasks)) {
    if (task.status !== 'open' || !options.decide) continue
    const decision = await options.decide(task, run)
    if (!decision) continue
    // Four eyes needs distinct people: each call gets a new reviewer unless the test names one.
    await decideTask(engine, task.id, { ...decision, by: decision.by ?? `reviewer-${task.approvals.length + 1}` })
    return true
  }
  for (const request of Object.values(run.requests)) {
    if (request.status !== 'open' || !options.answer) continue
    const answer = await options.answer(request, run)
    if (!answer) continue
    const token = await engine.deps.links.tokenFor({ runId: run.id, requestId: request.id, expiresAt: request.request.expiresAt })
    await answerCustomer(engine, token, answer)
    return true
  }
  return false
}

async function fireNextTimer(engine: Engine, run: RunState, clock: SettleOptions['clock']): Promise<boolean> {
  const next = Object.values(run.timers)
    .filter((t) => t.status === 'pending')
    .sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0]
  if (!next) return false
  clock.set?.(new Date(next.fireAt))
  return (await fireDueTimers(engine)) > 0
}
