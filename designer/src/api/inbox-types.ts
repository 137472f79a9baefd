/** Shapes of the inbox, task, audit and outbox endpoints, as the reviewer pages use them. */
import type { TaskField } from './types'

export type TaskStatus = 'open' | 'decided' | 'closed'

export interface Approval {
  decision: string
  by: string
  at: string
  reason?: string
}

export interface TaskDecision {
  decision: string
  by: string
  at: string
  reason?: string
  data?: Record<string, unknown>
  corrections?: Record<string, { from: unknown; to: unknown }>
  reviewers?: string[]
}

/** One row of `GET /api/tasks`. */
export interface InboxTask {
  id: string
  runId: string
  flowId: string
  nodeId: string
  title: string
  role: string
  decisions: string[]
  /** Button label per decision, as the flow's designer wrote it. */
  decisionLabels?: Record<string, string>
  show: Record<string, unknown>
  form: TaskField[]
  proposedDecision?: string
  dueAt?: string
  requiredApprovals: number
  /** The decisions that need every one of `requiredApprovals` reviewers (four eyes). */
  approvalDecisions?: string[]
  approvals: Approval[]
  assignee?: string
  claimedAt?: string
  status: TaskStatus
  createdAt: string
  decision?: TaskDecision
  closedReason?: string
}

export type HistoryEntry =
  | { kind: 'decision'; taskId: string; nodeId: string; title: string; decision: string; by: string; at: string; reason?: string; corrections?: Record<string, { from: unknown; to: unknown }>; reviewers?: string[] }
  | { kind: 'approval'; taskId: string; nodeId: string; title: string; decision: string; by: string; at: string; reason?: string }
  | { kind: 'customer'; requestId: string; nodeId: string; answer: string; data: Record<string, unknown>; at: string }

/** `GET /api/tasks/:id`: the task with what its page shows around it. */
export interface TaskDetail extends InboxTask {
  overdue: boolean
  flowName: string
  stepLabel: string
  run: { id: string; flowId: string; flowVersion: number; status: string; test: boolean; requestedBy?: string; createdAt: string }
  history: HistoryEntry[]
}

export interface TaskQuery {
  status?: TaskStatus
  flowId?: string
  group?: string
  assignee?: 'me' | 'none' | string
  due?: 'overdue' | 'today' | 'week'
  sort?: 'due' | 'created'
  limit?: number
  offset?: number
}

export interface DecisionResult {
  status: 'decided' | 'pending'
  approvals?: number
  required?: number
  task: InboxTask
  run: { id: string; status: string; outcome?: string }
}

export interface Group {
  name: string
  members: { username: string; name: string }[]
}

export interface AuditEntry {
  seq: number
  at: string
  actor: string
  action: string
  summary: string
  nodeId?: string
  step?: string
  reason?: string
}

export interface Delivery {
  channel: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  at?: string
  detail?: string
  error?: string
}

export type MessagePurpose = 'request' | 'reminder' | 'notice'

export interface OutboxEntry {
  id: string
  runId: string
  requestId?: string
  taskId?: string
  to: string
  subject: string
  body: string
  purpose: MessagePurpose
  createdAt: string
  link?: string
  url?: string
  deliveries: Delivery[]
}

export interface OutboxQuery {
  runId?: string
  flowId?: string
  purpose?: MessagePurpose
  to?: string
  before?: string
  limit?: number
}
