/**
 * A case: what the learning loop needs of one run, folded from its events —
 * the input, what each node answered (the AI's proposals above all), every
 * task and customer request with its answer, and how the run ended. Metrics,
 * what-if, the dataset and retraining all read cases, never raw logs.
 */
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import type { RunEvent, RunStatus } from '../engine/events.js'

export interface CaseTask {
  taskId: string
  nodeId: string
  exec: string
  createdAt: string
  dueAt?: string
  proposedDecision?: string
  requiredApprovals: number
  /** The form's values as the reviewer first saw them. */
  form: Record<string, Json>
  /** AI steps that had answered when the task was created, oldest first. */
  aiBefore: string[]
  status: 'open' | 'decided' | 'closed'
  closedReason?: string
  /** The deadline passed with the task still open. */
  breached: boolean
  decision?: { decision: string; by: string; reviewers: string[]; reason?: string; data: JsonObject; corrections: Record<string, { from: Json; to: Json }>; at: string }
}

export interface CaseRequest {
  requestId: string
  nodeId: string
  exec: string
  kind: string
  createdAt: string
  expiresAt: string
  aiBefore: string[]
  status: 'open' | 'answered' | 'closed'
  closedReason?: string
  answer?: { answer: string; data: JsonObject; at: string }
}

export interface CaseRecord {
  runId: string
  flowId: string
  flowVersion: number
  test: boolean
  parametersVersion?: number
  params: Record<string, Json>
  input: JsonObject
  startedAt: string
  endedAt?: string
  status: RunStatus
  outcome?: string
  /** The step a failed run failed at. */
  failedNode?: string
  lastSeq: number
  /** First completion of each node: the port it left by and its output. */
  visits: Record<string, { port: string; output: JsonObject }>
  /** Nodes whose output is an AI answer (has `confidence` and `modelVersion`), in order. */
  ai: string[]
  tasks: CaseTask[]
  requests: CaseRequest[]
  /** timerId → the wait it belongs to and its name (to tell a deadline that fired). */
  timers: Record<string, { exec: string; name: string }>
}

/** True for an ai-step's output, or any node's that follows its shape. */
export function isAiOutput(output: JsonObject): boolean {
  return typeof output.confidence === 'number' && typeof output.modelVersion === 'string'
}

export function emptyCase(runId: string): CaseRecord {
  return { runId, flowId: '', flowVersion: 0, test: false, params: {}, input: {}, startedAt: '', status: 'running', lastSeq: 0, visits: {}, ai: [], tasks: [], requests: [], timers: {} }
}

/** Fold a run's whole log into a case. */
export function caseFromEvents(runId: string, events: readonly RunEvent[]): CaseRecord {
  const record = emptyCase(runId)
  for (const event of events) applyCaseEvent(record, event)
  return record
}

const TERMINAL: Record<string, RunStatus> = { 'run.completed': 'completed', 'run.failed': 'failed', 'run.cancelled': 'cancelled' }

/** Apply one event in place; events at or below `lastSeq` are ignored, so feeding one twice is harmless. */
export function applyCaseEvent(c: CaseRecord, e: RunEvent): void {
  if (e.seq <= c.lastSeq) return
  c.lastSeq = e.seq
  switch (e.type) {
    case 'run.started':
      Object.assign(c, { flowId: e.flowId, flowVersion: e.flowVersion, test: e.test === true, parametersVersion: e.parametersVersion, params: e.params, input: e.input, startedAt: e.at })
      break
    case 'node.completed':
      if (!c.visits[e.nodeId]) {
        c.visits[e.nodeId] = { port: e.port, output: e.output }
        if (isAiOutput(e.output)) c.ai.push(e.nodeId)
      }
      break
    case 'task.created': {
      const form: Record<string, Json> = {}
      for (const field of e.form) form[field.name] = field.value ?? null
      c.tasks.push({ taskId: e.taskId, nodeId: e.nodeId, exec: e.exec, createdAt: e.at, dueAt: e.dueAt, proposedDecision: e.proposedDecision, requiredApprovals: e.requiredApprovals, form, aiBefore: [...c.ai], status: 'open', breached: false })
      break
    }
    case 'task.decided': {
      const task = c.tasks.find((t) => t.taskId === e.taskId)
      if (!task) break
      task.status = 'decided'
      task.decision = { decision: e.decision, by: e.by, reviewers: e.reviewers, reason: e.reason, data: e.data, corrections: e.corrections, at: e.at }
      if (task.dueAt && e.at > task.dueAt) task.breached = true
      break
    }
    case 'task.closed': {
      const task = c.tasks.find((t) => t.taskId === e.taskId)
      if (task && task.status === 'open') Object.assign(task, { status: 'closed', closedReason: e.reason })
      break
    }
    case 'customer.requested':
      c.requests.push({ requestId: e.requestId, nodeId: e.nodeId, exec: e.exec, kind: e.request.kind, createdAt: e.at, expiresAt: e.request.expiresAt, aiBefore: [...c.ai], status: 'open' })
      break
    case 'customer.answered': {
      const request = c.requests.find((r) => r.requestId === e.requestId)
      if (request) Object.assign(request, { status: 'answered', answer: { answer: e.answer, data: e.data, at: e.at } })
      break
    }
    case 'customer.closed': {
      const request = c.requests.find((r) => r.requestId === e.requestId)
      if (request && request.status === 'open') Object.assign(request, { status: 'closed', closedReason: e.reason })
      break
    }
    case 'timer.scheduled':
      c.timers[e.timerId] = { exec: e.exec, name: e.name }
      break
    case 'timer.fired': {
      const timer = c.timers[e.timerId]
      if (timer?.name !== 'deadline') break
      for (const task of c.tasks) if (task.exec === timer.exec && task.status === 'open') task.breached = true
      break
    }
    case 'run.retried':
      Object.assign(c, { status: 'running', endedAt: undefined, failedNode: undefined })
      break
    case 'run.completed':
    case 'run.failed':
    case 'run.cancelled':
      Object.assign(c, { status: TERMINAL[e.type], endedAt: e.at, outcome: e.type === 'run.completed' ? e.outcome : undefined })
      if (e.type === 'run.failed') c.failedNode = e.nodeId
      break
    default:
      break
  }
}
