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
