/**
 * The audit trail of a run: its event log told as who did what, when, and
 * why — decisions with reasons and field corrections, claims and hand-overs,
 * customer answers, messages and their delivery, deadlines. Plumbing events
 * (node entered, timers scheduled) are left out; the log itself has them.
 */
import type { RunEvent } from '../engine/events.js'

export interface AuditEntry {
  seq: number
  at: string
  /** A username, `customer`, `system`, or `key:<name>` for an API key. */
  actor: string
  /** The event type, e.g. `task.decided`. */
  action: string
  summary: string
  nodeId?: string
  /** The step's label in the flow. */
  step?: string
  reason?: string
  details?: Record<string, unknown>
}

const SKIPPED = new Set(['node.entered', 'node.waiting', 'timer.scheduled', 'timer.cancelled'])

/**
 * @example
 * auditTimeline(events, { review: 'Credit officer review' })
 * // [{ seq: 1, actor: 'ivan', action: 'run.started', summary: 'started the run on version 3' }, …]
 */
export function auditTimeline(events: readonly RunEvent[], labels: Record<string, string> = {}): AuditEntry[] {
  const titles = new Map<string, { title: string; nodeId: string }>()
  const out: AuditEntry[] = []
  for (const e of events) {
    if (e.type === 'task.created') titles.set(e.taskId, { title: e.title, nodeId: e.nodeId })
    if (SKIPPED.has(e.type)) continue
    const task = 'taskId' in e && e.taskId ? titles.get(e.taskId) : undefined
    const nodeId = 'nodeId' in e && e.nodeId ? e.nodeId : task?.nodeId
    const entry: AuditEntry = { seq: e.seq, at: e.at, actor: 'system', action: e.type, ...describe(e, task?.title ?? 'the task') }
    if (nodeId) Object.assign(entry, { nodeId, step: labels[nodeId] ?? nodeId })
    out.push(entry)
  }
  return out
}

type Described = Pick<AuditEntry, 'summary'> & Partial<Pick<AuditEntry, 'actor' | 'reason' | 'details'>>

function describe(e: RunEvent, title: string): Described {
  const quoted = `“${title}”`
  switch (e.type) {
    case 'run.started':
      return { actor: e.requestedBy ?? 'system', summary: e.test ? 'started a test run of the draft' : `started the run on version ${e.flowVersion}`, details: { input: e.input } }
    case 'node.completed':
      return { summary: e.port === 'end' ? 'step finished' : `step left by “${e.port}”` }
    case 'node.failed':
      return { summary: `step failed: ${e.error.message}`, details: { code: e.error.code } }
    case 'task.created':
      return {
        summary: `task ${quoted} opened for the group ${e.role}${e.dueAt ? `, due ${e.dueAt}` : ''}${e.requiredApprovals > 1 ? `, needs ${e.requiredApprovals} reviewers` : ''}`,
        details: { taskId: e.taskId, decisions: e.decisions, proposedDecision: e.proposedDecision, form: e.form },
      }
    case 'task.claimed':
      return { actor: e.by, summary: `claimed ${quoted}` }
    case 'task.released':
      return { actor: e.by, summary: `released ${quoted} back to its group` }
    case 'task.reassigned':
      return { actor: e.by ?? 'system', summary: `handed ${quoted} to ${e.assignee ? `${e.assignee} in ` : ''}the group ${e.role}`, reason: e.reason }
    case 'task.approved':
      return { actor: e.by, summary: `voted “${e.decision}” on ${quoted} (four eyes)`, reason: e.reason, details: { data: e.data } }
    case 'task.decided':
      return {
        actor: e.by,
        summary: `decided ${quoted}: “${e.decision}”${correctionText(e.corrections)}`,
        reason: e.reason,
        details: { decision: e.decision, reviewers: e.reviewers, corrections: e.corrections, data: e.data },
      }
    case 'task.closed':
      return { summary: `task ${quoted} closed (${e.reason})` }
    case 'customer.requested':
      return { summary: `asked the customer (${e.request.to}): “${e.request.subject}”, link valid until ${e.request.expiresAt}`, details: { kind: e.request.kind, options: e.request.options } }
    case 'customer.answered':
      return { actor: 'customer', summary: `the customer answered “${e.answer}”${dataText(e.data)}`, details: { answer: e.answer, data: e.data } }
    case 'customer.closed':
      return { summary: `the customer link closed (${e.reason})` }
    case 'message.sent':
      return { summary: `${e.purpose} queued for ${e.to}: “${e.subject}”`, details: { messageId: e.messageId, deliverTo: e.deliverTo } }
    case 'message.delivered':
      return { summary: `message ${e.messageId} delivered by ${e.channel}`, details: { detail: e.detail } }
    case 'message.failed':
      return { summary: `delivery of ${e.messageId} by ${e.channel} failed (attempt ${e.attempt}${e.final ? ', gave up' : ''}): ${e.error}` }
    case 'timer.fired':
      return { summary: `timer fired (${e.timerId})` }
    case 'run.completed':
      return { summary: `run completed: ${e.outcome}`, details: { output: e.output } }
    case 'run.failed':
      return { summary: `run failed: ${e.error.message}` }
    case 'run.cancelled':
      return { actor: e.by, summary: 'cancelled the run', reason: e.reason }
    case 'run.retried':
      return { actor: e.by, summary: 'retried the failed step' }
    default:
      return { summary: (e as RunEvent).type }
  }
}

function correctionText(corrections: Record<string, { from: unknown; to: unknown }>): string {
  const parts = Object.entries(corrections).map(([field, c]) => `${field} from ${JSON.stringify(c.from)} to ${JSON.stringify(c.to)}`)
  return parts.length > 0 ? `; corrected ${parts.join(', ')}` : ''
}

function dataText(data: Record<string, unknown>): string {
  const parts = Object.entries(data).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}
