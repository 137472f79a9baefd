/**
 * Child runs across runs: what happens after a commit that started, closed or
 * checked a child, or ended a run that has a parent. Each run commits on its
 * own, so these are follow-ups, run after the commit and outside the run's
 * lock; each is idempotent (the child's id was chosen in the parent's commit,
 * a parent takes a child's end only while it still waits for it), so the
 * `child-check` timer may do any of them again after a crash.
 *
 * Other steps that run flows (for-each, the agent's tools) reuse this: a
 * node returns `{ wait: { child } }` and is resumed with a `child` signal.
 */
import type { ResumeSignal } from '../../node-types/sdk/types.js'
import { isTerminal, resumeWait, type Step } from './advance.js'
import { CHILD_CHECK, runningChildOf } from './children.js'
import type { EngineDeps } from './deps.js'
import { EngineError } from './errors.js'
import type { ParentLink, RunEvent } from './events.js'
import type { ChildState, RunState } from './state.js'

/** Sub-flows inside sub-flows: more than this many levels fails the step that would go deeper. */
export const MAX_CHILD_DEPTH = 8

type ChildSignal = Extract<ResumeSignal, { kind: 'child' }>

/** What the follow-ups need of the engine. */
export interface ChildRunHost {
  deps: EngineDeps
  withRun<T>(runId: string, fn: (step: Step) => Promise<T>): Promise<T>
  startChildRun(options: {
    runId: string
    flowId: string
    version?: number
    input: unknown
    parent: ParentLink
    depth: number
    test: boolean
  }): Promise<unknown>
  cancelRun(runId: string, reason: string, by: string): Promise<unknown>
}

/** Everything a commit asks of other runs, in the order its events asked. */
export async function childFollowUps(host: ChildRunHost, state: RunState, events: readonly RunEvent[]): Promise<void> {
  for (const event of events) {
    try {
      const started = event.type === 'child.started' ? state.children?.[event.childRunId] : undefined
      if (started?.status === 'running') await startChild(host, state, started)
      else if (event.type === 'child.closed') await cancelChild(host, event.childRunId)
      else if (event.type === 'timer.fired' && state.timers[event.timerId]?.name === CHILD_CHECK) await checkChild(host, state, event.timerId)
      else if (state.parent && (event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.cancelled')) {
        await deliverToParent(host, state.parent.runId, state.id, signalOf(state))
      }
    } catch (error) {
      // The run's own commit stands; the child-check timer tries again.
      host.deps.log.error('child run follow-up failed', { runId: state.id, event: event.type, error: error instanceof Error ? error.message : String(error) })
    }
  }
}

async function startChild(host: ChildRunHost, parent: RunState, child: ChildState): Promise<void> {
  const childRunId = child.id
  const link = { runId: parent.id, nodeId: child.nodeId, exec: child.exec }
  try {
    if (parent.depth + 1 > MAX_CHILD_DEPTH) {
      throw new EngineError('SUB_FLOW_TOO_DEEP', `sub-flows are nested more than ${MAX_CHILD_DEPTH} deep; does a flow call itself through others?`)
    }
    await host.startChildRun({ runId: childRunId, flowId: child.flowId, version: child.version, input: child.input, parent: link, depth: parent.depth + 1, test: parent.test })
  } catch (error) {
    // Started before (by the fast path or an earlier check): nothing to do.
    if ((error as { code?: string }).code === 'SEQ_CONFLICT') return
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'SUB_FLOW_FAILED'
    const message = error instanceof Error ? error.message : String(error)
    await deliverToParent(host, parent.id, childRunId, { kind: 'child', runId: childRunId, status: 'failed', error: { code, message } })
  }
}

async function cancelChild(host: ChildRunHost, childRunId: string): Promise<void> {
  const child = await host.deps.store.runs.getRun(childRunId)
  if (!child || isTerminal(child.status)) return
  try {
    await host.cancelRun(childRunId, 'the parent run stopped waiting for it', 'system')
  } catch (error) {
    if ((error as { code?: string }).code !== 'RUN_NOT_CANCELLABLE') throw error
  }
}

/** The safety net: start a child that never started, or hand on the end of one that ended unheard. */
async function checkChild(host: ChildRunHost, parent: RunState, timerId: string): Promise<void> {
  const timer = parent.timers[timerId]
  const child = runningChildOf(parent, timer.exec)
  if (!child) return
  const state = await host.deps.store.runs.getRun(child.id)
  if (!state) return startChild(host, parent, child)
  if (isTerminal(state.status)) await deliverToParent(host, parent.id, child.id, signalOf(state))
}

/** Hand a child's end to the step waiting for it; once: a second delivery finds the child no longer running. */
export async function deliverToParent(host: ChildRunHost, parentRunId: string, childRunId: string, signal: ChildSignal): Promise<void> {
  await host.withRun(parentRunId, async (step) => {
    const child = step.tx.state.children?.[childRunId]
    if (!child || child.status !== 'running') return
    step.tx.emit({ type: 'child.finished', childRunId, status: signal.status, outcome: signal.outcome })
    if (!isTerminal(step.tx.state.status) && step.tx.state.waits[child.exec]) await resumeWait(step, child.exec, signal)
  })
}

function signalOf(state: RunState): ChildSignal {
  const status = state.status as ChildSignal['status']
  if (status === 'completed') return { kind: 'child', runId: state.id, status, outcome: state.outcome, output: state.output ?? {} }
  if (status === 'failed') return { kind: 'child', runId: state.id, status, error: { code: state.error?.code ?? 'RUN_FAILED', message: state.error?.message ?? 'the sub-flow failed' } }
  return { kind: 'child', runId: state.id, status: 'cancelled', error: { code: 'RUN_CANCELLED', message: 'the sub-flow was cancelled' } }
}
