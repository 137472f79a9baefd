/**
 * People resume runs: a reviewer's decision on a task, a customer's answer
 * through a link. Each is checked (who, which decision, which fields) and
 * takes effect at most once; a second attempt gets the first answer back.
 */
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import { resumeWait } from './advance.js'
import type { Engine } from './engine.js'
import { EngineError } from './errors.js'
import type { RequestState, RunState, TaskState } from './state.js'
import { validateAnswer } from './answers.js'

export interface DecisionInput {
  decision: string
  data?: JsonObject
  reason?: string
  by: string
  /**
   * Who may act is the caller's business (groups, roles); the check runs here,
   * under the run's lock, so it sees the task as it is (not as it was before
   * an escalation moved it). Throw an EngineError('FORBIDDEN') to refuse.
   */
  guard?: (task: TaskState, run: RunState) => void
}

export type DecisionResult =
  | { status: 'decided'; task: TaskState; run: RunState }
  | { status: 'pending'; task: TaskState; run: RunState; approvals: number; required: number }

export async function decideTask(engine: Engine, taskId: string, input: DecisionInput): Promise<DecisionResult> {
  const runId = await engine.deps.store.runs.runIdForTask(taskId)
  if (!runId) throw new EngineError('TASK_NOT_FOUND', `task '${taskId}' does not exist`)
  return engine.withRun(runId, async (step) => {
    const { tx } = step
    const task = tx.state.tasks[taskId]
    if (!task) throw new EngineError('TASK_NOT_FOUND', `task '${taskId}' does not exist`)
    input.guard?.(task, tx.state)
    if (task.status === 'decided') {
      throw new EngineError('TASK_ALREADY_DECIDED', `task '${taskId}' was already decided '${task.decision!.decision}' by ${task.decision!.by}`, {
        first: task.decision,
      })
    }
    if (task.status === 'closed') throw new EngineError('TASK_CLOSED', `task '${taskId}' is closed (${task.closedReason}); nothing to decide`)
    if (task.assignee && task.assignee !== input.by) {
      throw new EngineError('TASK_CLAIMED', `${task.assignee} has claimed this task; ask them to release it, or have it reassigned`, { assignee: task.assignee })
    }
    if (!task.decisions.includes(input.decision)) {
      throw new EngineError('DECISION_UNKNOWN', `'${input.decision}' is not a decision of this task; choose one of ${task.decisions.join(', ')}`)
    }
    const needsQuorum = task.requiredApprovals > 1 && task.approvalDecisions.includes(input.decision)
    if (needsQuorum && input.by === tx.state.requestedBy) {
      throw new EngineError('SELF_APPROVAL', `${input.by} requested this run and may not approve it`)
    }
    if (task.approvals.some((a) => a.by === input.by)) {
      throw new EngineError('ALREADY_APPROVED', `${input.by} has already decided on this task; another reviewer must decide`)
    }
    if (task.proposedDecision && input.decision !== task.proposedDecision && !input.reason?.trim()) {
      throw new EngineError('REASON_REQUIRED', `the AI proposed '${task.proposedDecision}'; give a reason for deciding '${input.decision}'`)
    }
    const { data, corrections } = applyCorrections(task, input.data ?? {})
    if (needsQuorum) {
      tx.emit({ type: 'task.approved', taskId, decision: input.decision, by: input.by, reason: input.reason, data })
      const agreeing = task.approvals.filter((a) => a.decision === input.decision).length
      if (agreeing < task.requiredApprovals) {
        return { status: 'pending' as const, task, run: tx.state, approvals: agreeing, required: task.requiredApprovals }
      }
    }
    const earlier = task.approvals.filter((a) => a.by !== input.by).map((a) => ({ decision: a.decision, by: a.by }))
    const reviewers = [...earlier.map((a) => a.by), input.by]
    tx.emit({ type: 'task.decided', taskId, decision: input.decision, by: input.by, reason: input.reason, data, corrections, reviewers })
    await resumeWait(step, task.exec, { kind: 'decision', taskId, decision: input.decision, data, reason: input.reason, by: input.by, earlier })
    return { status: 'decided' as const, task: tx.state.tasks[taskId], run: tx.state }
  })
}

/** Merge the reviewer's field values over the task's, and record what changed. */
function applyCorrections(task: TaskState, submitted: JsonObject) {
  const known = new Map(task.form.map((f) => [f.name, f]))
  const data: JsonObject = {}
  const corrections: Record<string, { from: Json; to: Json }> = {}
  for (const field of task.form) data[field.name] = field.value ?? null
  for (const [name, value] of Object.entries(submitted)) {
    const field = known.get(name)
    if (!field) {
      const allowed = task.form.map((f) => f.name)
      throw new EngineError('DECISION_INVALID', `'${name}' is not a field of this task${allowed.length ? `; fields: ${allowed.join(', ')}` : ''}`)
    }
    if (field.type === 'number' && typeof value !== 'number') throw new EngineError('DECISION_INVALID', `field '${name}' must be a number`)
    if (field.type === 'boolean' && typeof value !== 'boolean') throw new EngineError('DECISION_INVALID', `field '${name}' must be true or false`)
    if ((field.type === 'string' || field.type === 'date') && typeof value !== 'string') throw new EngineError('DECISION_INVALID', `field '${name}' must be text`)
    if (JSON.stringify(value) !== JSON.stringify(field.value ?? null)) corrections[name] = { from: field.value ?? null, to: value }
    data[name] = value
  }
  return { data, corrections }
}

export interface AnswerInput {
  answer: string
  data?: JsonObject
}

/** Look up a customer request by its link token's hash, refusing what cannot be answered. */
export async function findRequest(engine: Engine, token: string): Promise<RequestState> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw new EngineError('REQUEST_NOT_FOUND', 'this link is not valid')
  const request = await engine.deps.store.runs.requestByTokenHash(await engine.deps.links.hash(token))
  if (!request) throw new EngineError('REQUEST_NOT_FOUND', 'this link is not valid')
  return request
}

export function assertAnswerable(request: RequestState, now: Date): void {
  if (request.status === 'answered') throw new EngineError('REQUEST_ANSWERED', 'this request has already been answered', { answer: request.answer })
  if (request.status === 'closed' && request.closedReason === 'expired') throw new EngineError('REQUEST_EXPIRED', 'this link has expired')
  if (request.status === 'closed') throw new EngineError('REQUEST_CLOSED', 'this request is no longer open')
  if (new Date(request.request.expiresAt) <= now) throw new EngineError('REQUEST_EXPIRED', 'this link has expired')
}

export async function answerCustomer(engine: Engine, token: string, input: AnswerInput): Promise<RunState> {
  const found = await findRequest(engine, token)
  return engine.withRun(found.runId, async (step) => {
    const request = step.tx.state.requests[found.id]
    assertAnswerable(request, engine.deps.clock.now())
    const data = validateAnswer(request.request, input.answer, input.data ?? {})
    step.tx.emit({ type: 'customer.answered', requestId: request.id, answer: input.answer, data })
    await resumeWait(step, request.exec, { kind: 'answer', requestId: request.id, answer: input.answer, data })
    return step.tx.state
  })
}
