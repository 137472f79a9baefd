/**
 * Run state, derived from the event log by a pure fold. The store indexes
 * this state (open tasks, due timers, tokens); it is never the source of truth.
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { CustomerRequestSpec, Json, JsonObject, TaskField } from '../../node-types/sdk/types.js'
import type { ParentLink, RunEvent, RunStatus } from './events.js'

export interface TaskState {
  id: string
  runId: string
  flowId: string
  flowVersion: number
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
  status: 'open' | 'decided' | 'closed'
  createdAt: string
  /** The reviewer who claimed it (or was handed it); others in the group may not decide it meanwhile. */
  assignee?: string
  claimedAt?: string
  approvals: { decision: string; by: string; at: string; reason?: string }[]
  decision?: {
    decision: string
    by: string
    at: string
    reason?: string
    data: JsonObject
    corrections: Record<string, { from: Json; to: Json }>
    reviewers: string[]
  }
  closedReason?: string
}

export interface RequestState {
  id: string
  runId: string
  flowId: string
  nodeId: string
  exec: string
  tokenHash: string
  request: CustomerRequestSpec
  status: 'open' | 'answered' | 'closed'
  createdAt: string
  answer?: { answer: string; data: JsonObject; at: string }
  closedReason?: string
}

export interface TimerState {
  id: string
  nodeId: string
  exec: string
  name: string
  fireAt: string
  status: 'pending' | 'fired' | 'cancelled'
}

/** Channels that still owe an outbox message a delivery (SMTP, webhook), and failed attempts so far. */
export interface DeliveryState {
  pending: string[]
  attempts: Record<string, number>
  /** Per channel, not before when the next attempt may go (from the last failure). */
  retryAt?: Record<string, string>
}

/** A child run this run started (a sub-flow), and how it ended. */
export interface ChildState {
  id: string
  nodeId: string
  exec: string
  flowId: string
  version?: number
  input: JsonObject
  status: 'running' | 'completed' | 'failed' | 'cancelled'
  outcome?: string
  startedAt: string
}

export interface WaitState {
  nodeId: string
  exec: string
  state: JsonObject
  since: string
}

export interface RunState {
  id: string
  flowId: string
  flowVersion: number
  status: RunStatus
  input: JsonObject
  params: Record<string, Json>
  parametersVersion?: number
  idempotencyKey?: string
  requestedBy?: string
  test: boolean
  flowSnapshot?: Flow
  /** Set on a child run: the run and step waiting for it. */
  parent?: ParentLink
  /** Parents above this run; 0 for a top-level run. */
  depth: number
  /** Child runs started by this run's steps, by run id (absent in states stored before sub-flows). */
  children?: Record<string, ChildState>
  createdAt: string
  updatedAt: string
  lastSeq: number
  /** Latest output of each completed node. */
  outputs: Record<string, JsonObject>
  /** Node executions under way (entered, neither completed nor failed), by exec id. */
  active: Record<string, { nodeId: string; input: JsonObject }>
  /** Executions waiting on a person, a customer or a timer, by exec id. */
  waits: Record<string, WaitState>
  tasks: Record<string, TaskState>
  requests: Record<string, RequestState>
  timers: Record<string, TimerState>
  /** Outbox messages some channel has yet to deliver, by message id. */
  deliveries: Record<string, DeliveryState>
  outcome?: string
  output?: JsonObject
  error?: { code: string; message: string; nodeId?: string }
}

export function emptyState(runId: string): RunState {
  return {
    id: runId,
    flowId: '',
    flowVersion: 0,
    status: 'running',
    input: {},
    params: {},
    test: false,
    depth: 0,
    createdAt: '',
    updatedAt: '',
    lastSeq: 0,
    outputs: {},
    active: {},
    waits: {},
    tasks: {},
    requests: {},
    timers: {},
    deliveries: {},
  }
}

/** Fold events into a state. */
export function deriveState(runId: string, events: readonly RunEvent[]): RunState {
  const state = emptyState(runId)
  for (const event of events) applyEvent(state, event)
  return state
}

/** Apply one event to `state` in place (the engine's hot path, so no copying). */
export function applyEvent(state: RunState, event: RunEvent): void {
  state.lastSeq = event.seq
  state.updatedAt = event.at
  switch (event.type) {
    case 'run.started':
      Object.assign(state, {
        flowId: event.flowId,
        flowVersion: event.flowVersion,
        input: event.input,
        params: event.params,
        parametersVersion: event.parametersVersion,
        idempotencyKey: event.idempotencyKey,
        requestedBy: event.requestedBy,
        test: event.test === true,
        flowSnapshot: event.flowSnapshot,
        parent: event.parent,
        depth: event.depth ?? 0,
        createdAt: event.at,
        status: 'running',
      })
      break
    case 'node.entered':
      state.active[event.exec] = { nodeId: event.nodeId, input: event.input }
      break
    case 'node.completed':
      delete state.active[event.exec]
      delete state.waits[event.exec]
      state.outputs[event.nodeId] = event.output
      break
    case 'node.waiting':
      state.waits[event.exec] = { nodeId: event.nodeId, exec: event.exec, state: event.state, since: event.at }
      break
    case 'join.arrived': {
      const wait = state.waits[event.exec]
      // A new object: the one in the waiting event's log entry must not change.
      if (wait) wait.state = { ...wait.state, arrived: [...((wait.state.arrived as JsonObject[]) ?? []), event.input] }
      break
    }
    case 'node.cancelled':
      delete state.active[event.exec]
      delete state.waits[event.exec]
      break
    case 'node.failed':
      delete state.waits[event.exec]
      state.error = { ...event.error, nodeId: event.nodeId }
      break
    case 'task.created':
      state.tasks[event.taskId] = {
        id: event.taskId,
        runId: state.id,
        flowId: state.flowId,
        flowVersion: state.flowVersion,
        nodeId: event.nodeId,
        exec: event.exec,
        title: event.title,
        role: event.role,
        decisions: event.decisions,
        decisionLabels: event.decisionLabels,
        show: event.show,
        form: event.form,
        proposedDecision: event.proposedDecision,
        dueAt: event.dueAt,
        requiredApprovals: event.requiredApprovals,
        approvalDecisions: event.approvalDecisions,
        status: 'open',
        createdAt: event.at,
        approvals: [],
      }
      break
    case 'task.approved': {
      const task = state.tasks[event.taskId]
      if (!task) break
      task.approvals.push({ decision: event.decision, by: event.by, at: event.at, reason: event.reason })
      // The next reviewer claims it afresh.
      task.assignee = undefined
      task.claimedAt = undefined
      break
    }
    case 'task.decided': {
      const task = state.tasks[event.taskId]
      if (!task) break
      task.status = 'decided'
      task.decision = {
        decision: event.decision,
        by: event.by,
        at: event.at,
        reason: event.reason,
        data: event.data,
        corrections: event.corrections,
        reviewers: event.reviewers,
      }
      break
    }
    case 'task.reassigned': {
      const task = state.tasks[event.taskId]
      if (task) Object.assign(task, { role: event.role, assignee: event.assignee, claimedAt: event.assignee ? event.at : undefined })
      break
    }
    case 'task.claimed': {
      const task = state.tasks[event.taskId]
      if (task) Object.assign(task, { assignee: event.by, claimedAt: event.at })
      break
    }
    case 'task.released': {
      const task = state.tasks[event.taskId]
      if (task) Object.assign(task, { assignee: undefined, claimedAt: undefined })
      break
    }
    case 'task.closed': {
      const task = state.tasks[event.taskId]
      if (task && task.status === 'open') Object.assign(task, { status: 'closed', closedReason: event.reason })
      break
    }
    case 'customer.requested':
      state.requests[event.requestId] = {
        id: event.requestId,
        runId: state.id,
        flowId: state.flowId,
        nodeId: event.nodeId,
        exec: event.exec,
        tokenHash: event.tokenHash,
        request: event.request,
        status: 'open',
        createdAt: event.at,
      }
      break
    case 'customer.answered': {
      const request = state.requests[event.requestId]
      if (request) Object.assign(request, { status: 'answered', answer: { answer: event.answer, data: event.data, at: event.at } })
      break
    }
    case 'customer.closed': {
      const request = state.requests[event.requestId]
      if (request && request.status === 'open') Object.assign(request, { status: 'closed', closedReason: event.reason })
      break
    }
    case 'timer.scheduled':
      state.timers[event.timerId] = { id: event.timerId, nodeId: event.nodeId, exec: event.exec, name: event.name, fireAt: event.fireAt, status: 'pending' }
      break
    case 'timer.fired':
    case 'timer.cancelled': {
      const timer = state.timers[event.timerId]
      if (timer) timer.status = event.type === 'timer.fired' ? 'fired' : 'cancelled'
      break
    }
    case 'child.started':
      ;(state.children ??= {})[event.childRunId] = {
        id: event.childRunId,
        nodeId: event.nodeId,
        exec: event.exec,
        flowId: event.flowId,
        version: event.version,
        input: event.input,
        status: 'running',
        startedAt: event.at,
      }
      break
    case 'child.finished': {
      const child = state.children?.[event.childRunId]
      if (child) Object.assign(child, { status: event.status, outcome: event.outcome })
      break
    }
    case 'child.closed': {
      const child = state.children?.[event.childRunId]
      if (child && child.status === 'running') child.status = 'cancelled'
      break
    }
    case 'run.completed':
      Object.assign(state, { status: 'completed', outcome: event.outcome, output: event.output, active: {}, waits: {} })
      break
    case 'run.failed':
      Object.assign(state, { status: 'failed', error: { ...event.error, nodeId: event.nodeId }, active: {}, waits: {} })
      break
    case 'run.cancelled':
      Object.assign(state, { status: 'cancelled', active: {}, waits: {} })
      break
    case 'run.retried':
      Object.assign(state, { status: 'running', error: undefined })
      break
    case 'message.sent':
      if (event.messageId && event.deliverTo && event.deliverTo.length > 0) {
        ;(state.deliveries ??= {})[event.messageId] = { pending: [...event.deliverTo], attempts: {} }
      }
      break
    case 'message.delivered':
    case 'message.failed':
      settleDelivery(state, event)
      break
  }
  if (AFFECTS_STATUS.has(event.type) && (state.status === 'running' || state.status === 'waiting')) {
    state.status = isWaiting(state) ? 'waiting' : 'running'
  }
}

const AFFECTS_STATUS = new Set(['node.entered', 'node.completed', 'node.waiting', 'node.failed', 'node.cancelled', 'run.retried'])

function settleDelivery(state: RunState, event: Extract<RunEvent, { type: 'message.delivered' | 'message.failed' }>): void {
  const delivery = state.deliveries?.[event.messageId]
  if (!delivery) return
  if (event.type === 'message.failed') {
    delivery.attempts[event.channel] = event.attempt
    if (event.retryAt) (delivery.retryAt ??= {})[event.channel] = event.retryAt
  }
  if (event.type === 'message.delivered' || event.final) delivery.pending = delivery.pending.filter((c) => c !== event.channel)
  if (delivery.pending.length === 0) delete state.deliveries[event.messageId]
}

/** Waiting: something waits, and everything under way is waiting. */
function isWaiting(state: RunState): boolean {
  let waiting = 0
  for (const _ in state.waits) waiting++
  if (waiting === 0) return false
  let active = 0
  for (const _ in state.active) active++
  return active === waiting
}

/** Pending timers of a state, soonest first. */
export function pendingTimers(state: RunState): TimerState[] {
  return Object.values(state.timers)
    .filter((t) => t.status === 'pending')
    .sort((a, b) => a.fireAt.localeCompare(b.fireAt))
}
