/**
 * A replayed step that waits for a person or a customer gets the answer
 * recorded in the case — where the same question was asked: the same step
 * asked the same people (role, decisions, form fields; enough reviewers for
 * four eyes) or the customer the same kind of question (answers, options,
 * fields). Its own timers fire in time order around that answer, so a
 * shorter deadline or expiry in the tried flow takes effect.
 */
import type { CustomerRequestSpec, JsonObject, ResumeSignal, TaskSpec, TimerSpec, WaitResult } from '../../../node-types/sdk/types.js'
import type { CaseRecord, CaseRequest, CaseTask } from '../case-record.js'

/** Nobody was asked this in the case: a person would have to be. */
export interface Unasked {
  who: 'reviewer' | 'customer'
  role?: string
  why: string
}

/** The signals that answer a wait, in the order they would have arrived, with the time of each (epoch ms). */
export type Answered = { signal: ResumeSignal; at: number }[]

type Wait = WaitResult['wait']

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

function timersBefore(timers: readonly TimerSpec[] | undefined, until: number): Answered {
  return (timers ?? [])
    .map((t) => ({ signal: { kind: 'timer', name: t.name } as ResumeSignal, at: Date.parse(t.at) }))
    .filter((t) => t.at <= until)
    .sort((a, b) => a.at - b.at)
}

function unaskedTask(task: TaskSpec, asked: CaseTask | undefined, before: TaskSpec | undefined): string | undefined {
  if (!asked) return 'nobody was asked at this step in this case'
  if (before) {
    if (before.role !== task.role) return `the recorded decision was taken by '${before.role}', the tried flow asks '${task.role}'`
    if (!sameSet(before.decisions, task.decisions)) return `the reviewer chose from ${before.decisions.join(', ')}; the tried flow offers ${task.decisions.join(', ')}`
    const fields = (spec: TaskSpec) => (spec.form ?? []).map((f) => `${f.name}:${f.type}`)
    if (!sameSet(fields(before), fields(task))) return 'the tried flow asks the reviewer for other fields'
  }
  const d = asked.decision
  if (!d) return asked.breached ? undefined : 'the task was never decided in this case'
  const approvals = task.requiredApprovals ?? 1
  const quorum = task.approvalDecisions ?? [task.decisions[0]]
  if (approvals > d.reviewers.length && quorum.includes(d.decision)) return `'${d.decision}' needs ${approvals} reviewers; ${d.reviewers.length} decided in this case`
  return undefined
}

function taskAnswer(task: TaskSpec, asked: CaseTask, timers: readonly TimerSpec[] | undefined): Answered {
  const d = asked.decision
  if (!d) return timersBefore(timers, Infinity)
  const at = Date.parse(d.at)
  // The reviewer saw the tried flow's form values; what they changed stays changed.
  const data: JsonObject = {}
  for (const field of task.form ?? []) data[field.name] = field.value ?? null
  for (const [name, change] of Object.entries(d.corrections)) data[name] = change.to
  const earlier = d.reviewers.slice(0, -1).map((by) => ({ decision: d.decision, by }))
  const signal: ResumeSignal = { kind: 'decision', taskId: asked.taskId, decision: d.decision, data, reason: d.reason, by: d.by, earlier }
  return [...timersBefore(timers, at), { signal, at }]
}

function unaskedRequest(request: CustomerRequestSpec, asked: CaseRequest | undefined, before: CustomerRequestSpec | undefined): string | undefined {
  if (!asked) return 'the customer was not asked at this step in this case'
  if (asked.kind !== request.kind) return `the customer was asked to ${asked.kind}; the tried flow asks them to ${request.kind}`
  if (before && !sameSet(before.answers, request.answers)) return `the customer could answer ${before.answers.join(', ')}; the tried flow offers ${request.answers.join(', ')}`
  const a = asked.answer
  if (!a) return asked.closedReason === 'expired' ? undefined : 'the customer never answered in this case'
  if (!request.answers.includes(a.answer)) return `the customer answered '${a.answer}', which the tried flow does not offer`
  if (a.answer === 'choose' && !(request.options ?? []).some((o) => o.value === a.data.option)) return `the customer chose '${String(a.data.option)}', which the tried flow does not offer`
  if (request.kind === 'fill' && before && !sameSet((before.fields ?? []).map((f) => f.name), (request.fields ?? []).map((f) => f.name))) {
    return 'the tried flow asks the customer for other fields'
  }
  return undefined
}

function requestAnswer(asked: CaseRequest, timers: readonly TimerSpec[] | undefined): Answered {
  const a = asked.answer
  if (!a) return timersBefore(timers, Infinity)
  const at = Date.parse(a.at)
  return [...timersBefore(timers, at), { signal: { kind: 'answer', requestId: asked.requestId, answer: a.answer, data: a.data }, at }]
}

/**
 * How the case answers a wait of step `nodeId`: the signals to resume it
 * with, or who would have to be asked. `before` is the wait the recorded
 * version opened there (to compare the questions), when its config differs.
 *
 * @example
 * answerWait(c, 'review', wait, undefined) // → [{ signal: { kind: 'decision', decision: 'approve', ... }, at }]
 */
export function answerWait(c: CaseRecord, nodeId: string, wait: Wait, before: Wait | undefined): Answered | Unasked {
  if (wait.task) {
    const asked = c.tasks.find((t) => t.nodeId === nodeId)
    const why = unaskedTask(wait.task, asked, before?.task)
    if (why) return { who: 'reviewer', role: wait.task.role, why }
    return taskAnswer(wait.task, asked!, wait.timers)
  }
  if (wait.request) {
    const asked = c.requests.find((r) => r.nodeId === nodeId)
    const why = unaskedRequest(wait.request, asked, before?.request)
    if (why) return { who: 'customer', why }
    return requestAnswer(asked!, wait.timers)
  }
  // A timer needs nobody: it fires.
  return timersBefore(wait.timers, Infinity)
}

/** When the step would be the first in its case to hear back (to order waits open side by side). */
export function firstArrival(answered: Answered): number {
  return answered.length > 0 ? answered[0].at : Infinity
}
