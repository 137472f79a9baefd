/**
 * Approval of a tool call: whether a call needs one (never / always / a CEL
 * condition over its arguments), the inbox task a person decides — the
 * conversation so far, the tool, its arguments as editable fields — and what
 * the decision does to the call.
 */
import { addDuration } from '../../expr/duration.js'
import type { Json, JsonObject, NodeContext, ResumeSignal, TaskField, TaskSpec } from '../../sdk/types.js'
import type { ToolConfig } from './config.js'
import type { ApprovalRecord, PendingCall } from './state.js'
import { transcript } from './transcript.js'
import type { ChatMessage } from '../../sdk/chat.js'

/** True when the tool's rule says a person must approve this call. A condition that cannot be evaluated asks a person. */
export function needsApproval(ctx: NodeContext, tool: ToolConfig, args: JsonObject): boolean {
  const { mode, when } = tool.approval
  if (mode === 'never') return false
  if (mode === 'always' || !when) return true
  try {
    return ctx.evaluate(when, { args }) === true
  } catch (error) {
    ctx.log.warn('approval condition failed; asking a person', { tool: tool.name, error: error instanceof Error ? error.message : String(error) })
    return true
  }
}

function fieldType(schema: unknown, value: Json): TaskField['type'] {
  const declared = (schema as { type?: unknown } | undefined)?.type
  if (declared === 'number' || declared === 'integer' || typeof value === 'number') return 'number'
  if (declared === 'boolean' || typeof value === 'boolean') return 'boolean'
  return 'string'
}

/** The call's scalar arguments, as fields the approver may correct. */
function argFields(tool: ToolConfig, args: JsonObject): TaskField[] {
  const properties = ((tool.parameters as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>
  const names = [...new Set([...Object.keys(properties), ...Object.keys(args)])]
  return names.flatMap((name) => {
    const value = args[name] ?? null
    if (value !== null && typeof value === 'object') return []
    const title = (properties[name] as { title?: unknown } | undefined)?.title
    return [{ name, label: typeof title === 'string' ? title : name, type: fieldType(properties[name], value), value }]
  })
}

export function approvalTask(ctx: NodeContext, tool: ToolConfig, call: PendingCall, messages: ChatMessage[]): { task: TaskSpec; timers: { name: string; at: string }[] } {
  const rule = tool.approval
  const dueAt = rule.due ? addDuration(ctx.now(), rule.due).toISOString() : undefined
  const task: TaskSpec = {
    title: `Approve ${tool.name}`,
    role: rule.role,
    decisions: ['approve', 'reject'],
    decisionLabels: { approve: 'Approve', reject: 'Reject' },
    show: { tool: tool.name, 'what the tool does': tool.description, arguments: call.args, conversation: transcript(messages) },
    form: argFields(tool, call.args),
    // Rejecting needs a reason: it goes back to the model as the tool's result.
    proposedDecision: 'approve',
    dueAt,
    requiredApprovals: rule.approvals,
    approvalDecisions: ['approve'],
  }
  return { task, timers: dueAt ? [{ name: 'deadline', at: dueAt }] : [] }
}

/** The approver's decision as a record: the arguments before and after, and what changed. */
export function approvalRecord(signal: Extract<ResumeSignal, { kind: 'decision' }>, args: JsonObject): ApprovalRecord {
  const reviewers = [...signal.earlier.map((e) => e.by), signal.by]
  if (signal.decision !== 'approve') {
    return { decision: 'rejected', by: signal.by, reviewers, reason: signal.reason, before: args, after: args, corrections: {} }
  }
  const after: JsonObject = { ...args }
  const corrections: ApprovalRecord['corrections'] = {}
  for (const [name, value] of Object.entries(signal.data)) {
    const before = args[name] ?? null
    if (JSON.stringify(before) !== JSON.stringify(value)) corrections[name] = { from: before, to: value }
    if (value !== null || name in args) after[name] = value
  }
  const corrected = Object.keys(corrections).length > 0
  return { decision: corrected ? 'corrected' : 'approved', by: signal.by, reviewers, reason: signal.reason, before: args, after, corrections }
}
