/**
 * Child runs inside a step: a waiting node asked for a sub-flow, so the step
 * records `child.started` (with the child's run id, chosen now) and a
 * `child-check` timer. The child itself starts right after the commit
 * (`child-runs.ts`); the timer is the safety net that starts it, or hands its
 * end to the parent, if this process died in between.
 */
import type { ChildRunSpec } from '../../node-types/sdk/types.js'
import type { Step } from './advance.js'
import type { ChildState, RunState, TimerState } from './state.js'

/** The engine's own timer on a step waiting for a child run. */
export const CHILD_CHECK = 'child-check'
/** How long after a child starts the first check looks; later checks back off. */
const FIRST_CHECK_MS = 60_000
const MAX_CHECK_MS = 6 * 60 * 60_000

export function openChild(step: Step, nodeId: string, exec: string, spec: ChildRunSpec): void {
  const { tx, deps } = step
  const childRunId = deps.ids.next('r')
  tx.emit({ type: 'child.started', childRunId, nodeId, exec, flowId: spec.flowId, version: spec.version, input: spec.input })
  scheduleCheck(step, nodeId, exec, FIRST_CHECK_MS)
}

/** After a check fired: look again later, each time twice as late (up to six hours). */
export function scheduleNextCheck(step: Step, fired: TimerState): void {
  const earlier = Object.values(step.tx.state.timers).filter((t) => t.exec === fired.exec && t.name === CHILD_CHECK).length
  scheduleCheck(step, fired.nodeId, fired.exec, Math.min(FIRST_CHECK_MS * 2 ** earlier, MAX_CHECK_MS))
}

function scheduleCheck(step: Step, nodeId: string, exec: string, afterMs: number): void {
  const { tx, deps } = step
  const fireAt = new Date(deps.clock.now().getTime() + afterMs).toISOString()
  tx.emit({ type: 'timer.scheduled', timerId: deps.ids.next('tm'), nodeId, exec, name: CHILD_CHECK, fireAt })
}

/** The running child a waiting execution is waiting for, if any. */
export function runningChildOf(state: RunState, exec: string): ChildState | undefined {
  for (const child of Object.values(state.children ?? {})) if (child.exec === exec && child.status === 'running') return child
  return undefined
}
