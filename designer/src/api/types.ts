/** Shapes the runtime's HTTP API returns, as the designer uses them. */
import type { Flow } from '../../../node-types/flow/schema'
import type { Problem } from '../../../node-types/flow/validate'
import type { NodeTypeDescription } from '../../../node-types/registry'

export type { Flow, Problem, NodeTypeDescription }

export interface FlowSummary {
  id: string
  name: string
  description: string
  latestVersion: number
  updatedAt: string
  hasDraftChanges: boolean
}

export interface FlowRecord {
  flow: Flow
  updatedAt: string
  latestVersion: number
}

export interface VersionInfo {
  version: number
  publishedAt: string
  publishedBy?: string
  note?: string
}

export type RunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled'

export interface RunInfo {
  id: string
  flowId: string
  flowVersion: number
  status: RunStatus
  outcome?: string
  output?: unknown
  error?: unknown
}

export interface RunEvent {
  type: string
  at?: string
  nodeId?: string
  port?: string
  output?: unknown
  taskId?: string
  requestId?: string
  outcome?: string
  error?: unknown
  [key: string]: unknown
}

export interface TaskField {
  name: string
  label: string
  type: 'string' | 'number' | 'boolean' | 'date'
  value: unknown
}

export interface CustomerRequestView {
  subject: string
  message: string
  kind: 'confirm' | 'choose' | 'fill' | 'rate'
  answers: string[]
  options?: { value: string; label: string }[]
  fields?: { name: string; label: string; type: string }[]
  expiresAt: string
}

export interface TaskInfo {
  id: string
  runId: string
  nodeId: string
  title: string
  decisions: string[]
  show?: Record<string, unknown>
  form?: TaskField[]
  proposedDecision?: string
  status?: string
  requiredApprovals?: number
  approvals?: { decision: string; by: string }[]
}

export interface OutboxMessage {
  runId: string
  requestId?: string
  to: string
  subject: string
  body: string
  link: string
}

export interface Sample {
  name: string
  input: unknown
}

/** A run in a list (`GET /api/runs`), with its input when asked for. */
export interface RunSummary {
  id: string
  flowId: string
  flowVersion: number
  status: RunStatus
  createdAt: string
  updatedAt: string
  outcome?: string
  test: boolean
  input?: Record<string, unknown>
}

/** `GET /api/runs/:id`: where a run waits, besides what RunInfo says. */
export interface RunDetail extends RunInfo {
  test: boolean
  input: Record<string, unknown>
  createdAt: string
  updatedAt: string
  waitingOn: { nodeId: string; since: string; tasks: string[]; requests: string[] }[]
}

export interface NodeLiveWire {
  running: number
  waiting: number
  failed: number
  doneToday: number
  oldestWaitingSince?: string
}

export interface LivePatchWire {
  nodes: Record<string, NodeLiveWire>
  ports: { source: string; port: string; runs: number }[]
  runs: RunCounts
}

export interface RunCounts {
  running: number
  waiting: number
  failed: number
  completedToday: number
}

/** `GET /api/flows/:id/live`: the flow's counts, consistent with the stream up to `eventId`. */
export interface LiveSnapshotWire extends LivePatchWire {
  flowId: string
  day: string
  eventId: number
}

/** One `run` message of `GET /api/stream`. */
export interface StreamMessage {
  id: number
  runId: string
  flowId: string
  status: RunStatus
  test: boolean
  event: RunEvent & { seq: number; at: string }
  live?: LivePatchWire
}

/** A `summary` message: what a slow connection skipped, and the counts now. */
export interface StreamSummary {
  skipped: { from: number; to: number }
  runs: string[] | null
  live?: Omit<LiveSnapshotWire, 'eventId'>
}
