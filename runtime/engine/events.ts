/**
 * The run event log. A run *is* its ordered list of events; everything else
 * (status, open tasks, timers, the live canvas, the audit trail, metrics) is
 * derived from it. Events are plain JSON and never change once written.
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { CustomerRequestSpec, Json, JsonObject, TaskField } from '../../node-types/sdk/types.js'

export type RunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled'

interface Base {
  /** Position in the run's log, from 1. */
  seq: number
  /** ISO time the engine recorded it. */
  at: string
}

export interface RunStarted extends Base {
  type: 'run.started'
  flowId: string
  flowVersion: number
  input: JsonObject
  params: Record<string, Json>
  parametersVersion?: number
  idempotencyKey?: string
  requestedBy?: string
  test?: boolean
  /** Test runs of a draft carry the draft itself, so they stay pinned to it. */
  flowSnapshot?: Flow
  /** A child run (a sub-flow): the run and the waiting step that started it. */
  parent?: ParentLink
  /** How many parents above this run (0 or absent: a top-level run). */
  depth?: number
}

export interface ParentLink {
  runId: string
  nodeId: string
  exec: string
}

export interface NodeEntered extends Base {
  type: 'node.entered'
  nodeId: string
  /** Execution id: which visit of the node this is (loops visit twice). */
  exec: string
  input: JsonObject
}

export interface NodeCompleted extends Base {
  type: 'node.completed'
  nodeId: string
  exec: string
  port: string
  output: JsonObject
}

export interface NodeWaiting extends Base {
  type: 'node.waiting'
  nodeId: string
  exec: string
  state: JsonObject
}

/** Another branch reached a join that is already waiting. */
export interface JoinArrived extends Base {
  type: 'join.arrived'
  nodeId: string
  exec: string
  input: JsonObject
}

/** A step of a branch a join no longer waits for was stopped (its task, link and timers closed with it). */
export interface NodeCancelled extends Base {
  type: 'node.cancelled'
  nodeId: string
  exec: string
  /** The join that completed without it. */
  by: string
}

export interface NodeFailed extends Base {
  type: 'node.failed'
  nodeId: string
  exec: string
  error: { code: string; message: string }
}

export interface TaskCreated extends Base {
  type: 'task.created'
  taskId: string
  nodeId: string
  exec: string
  title: string
  role: string
  decisions: string[]
  decisionLabels?: Record<string, string>
  show: JsonObject
  form: TaskField[]
  proposedDecision?: string
  dueAt?: string
  requiredApprovals: number
  approvalDecisions: string[]
}

/** One reviewer's vote on a task that needs several distinct people (four eyes). */
export interface TaskApproved extends Base {
  type: 'task.approved'
  taskId: string
  decision: string
  by: string
  reason?: string
  data: JsonObject
}

export interface TaskDecided extends Base {
  type: 'task.decided'
  taskId: string
  decision: string
  by: string
  reason?: string
  data: JsonObject
  /** Fields the reviewer changed: name → { from, to }. */
  corrections: Record<string, { from: Json; to: Json }>
  /** Everyone who took part, in order (more than one with four eyes). */
  reviewers: string[]
}

export interface TaskReassigned extends Base {
  type: 'task.reassigned'
  taskId: string
  /** The group the task now belongs to (unchanged when only the assignee changes). */
  role: string
  reason: string
  /** Who handed it on; absent when the deadline escalated it. */
  by?: string
  /** The person it was handed to, if one; absent leaves it unclaimed in the group. */
  assignee?: string
}

/** A reviewer took a task: others see it as theirs and may not decide it. */
export interface TaskClaimed extends Base {
  type: 'task.claimed'
  taskId: string
  by: string
}

/** A claimed task goes back to its group. */
export interface TaskReleased extends Base {
  type: 'task.released'
  taskId: string
  by: string
}

export interface TaskClosed extends Base {
  type: 'task.closed'
  taskId: string
  reason: 'escalated' | 'deadline' | 'cancelled' | 'superseded'
}

export interface CustomerRequested extends Base {
  type: 'customer.requested'
  requestId: string
  nodeId: string
  exec: string
  /** SHA-256 of the link token; the token itself is never stored. */
  tokenHash: string
  request: CustomerRequestSpec
}

export interface CustomerAnswered extends Base {
  type: 'customer.answered'
  requestId: string
  answer: string
  data: JsonObject
}

export interface CustomerClosed extends Base {
  type: 'customer.closed'
  requestId: string
  reason: 'expired' | 'cancelled' | 'superseded'
}

export interface MessageSent extends Base {
  type: 'message.sent'
  /** The outbox message (absent in logs written before delivery was tracked). */
  messageId?: string
  requestId?: string
  taskId?: string
  channel: string
  to: string
  subject: string
  purpose: 'request' | 'reminder' | 'notice'
  /** Channels beyond the outbox that must deliver it (SMTP, webhook), fixed when it was queued. */
  deliverTo?: string[]
}

/** A channel delivered an outbox message. */
export interface MessageDelivered extends Base {
  type: 'message.delivered'
  messageId: string
  channel: string
  /** What the channel reported, e.g. the SMTP server's reply or the webhook's status. */
  detail?: string
}

/** A channel failed to deliver an outbox message; `final` when it gives up. */
export interface MessageFailed extends Base {
  type: 'message.failed'
  messageId: string
  channel: string
  error: string
  attempt: number
  final: boolean
  /** When to try again (absent when `final`): the retry schedule lives in the log, so it survives restarts. */
  retryAt?: string
}

export interface TimerScheduled extends Base {
  type: 'timer.scheduled'
  timerId: string
  nodeId: string
  exec: string
  name: string
  /** Absolute ISO time; survives restarts. */
  fireAt: string
}

export interface TimerFired extends Base {
  type: 'timer.fired'
  timerId: string
}

export interface TimerCancelled extends Base {
  type: 'timer.cancelled'
  timerId: string
}

/** A waiting step asked for a child run; the engine starts it right after this commit. */
export interface ChildStarted extends Base {
  type: 'child.started'
  childRunId: string
  nodeId: string
  exec: string
  flowId: string
  /** Absent: the latest published version when the child starts. */
  version?: number
  input: JsonObject
}

/** A child run ended and its end was handed to the waiting step (or it was no longer waiting). */
export interface ChildFinished extends Base {
  type: 'child.finished'
  childRunId: string
  status: 'completed' | 'failed' | 'cancelled'
  outcome?: string
}

/** The step waiting on a child stopped waiting (cancelled, or the run ended): the child is cancelled. */
export interface ChildClosed extends Base {
  type: 'child.closed'
  childRunId: string
  reason: 'cancelled' | 'superseded'
}

export interface RunCompleted extends Base {
  type: 'run.completed'
  outcome: string
  output: JsonObject
}

export interface RunFailed extends Base {
  type: 'run.failed'
  nodeId?: string
  error: { code: string; message: string }
}

export interface RunCancelled extends Base {
  type: 'run.cancelled'
  reason: string
  by: string
}

export interface RunRetried extends Base {
  type: 'run.retried'
  nodeId: string
  by: string
}

export type RunEvent =
  | RunStarted
  | NodeEntered
  | NodeCompleted
  | NodeWaiting
  | NodeFailed
  | JoinArrived
  | NodeCancelled
  | TaskCreated
  | TaskApproved
  | TaskDecided
  | TaskReassigned
  | TaskClaimed
  | TaskReleased
  | TaskClosed
  | CustomerRequested
  | CustomerAnswered
  | CustomerClosed
  | MessageSent
  | MessageDelivered
  | MessageFailed
  | TimerScheduled
  | TimerFired
  | TimerCancelled
  | ChildStarted
  | ChildFinished
  | ChildClosed
  | RunCompleted
  | RunFailed
  | RunCancelled
  | RunRetried

export type RunEventType = RunEvent['type']

/** An event before the engine numbers and stamps it. */
export type NewEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'seq' | 'at'> : never) : never
