/**
 * What arrives for a waiting agent: its own `continue` timer (the next step),
 * a person's decision on a gated call, the approval's deadline, or the
 * customer's answer to a question the model asked, or the end of a
 * sub-flow run a tool started.
 */
import type { JsonObject, NodeContext, ResumeSignal } from '../../sdk/types.js'
import { approvalRecord } from './approval.js'
import type { AgentConfig } from './config.js'
import { CONTINUE, continueWith } from './results.js'
import type { AgentResult } from './results.js'
import { answerHead, withHead, type AgentState } from './state.js'
import { agentStep } from './step.js'

export async function resumeAgent(ctx: NodeContext, signal: ResumeSignal, config: AgentConfig, state: AgentState): Promise<AgentResult> {
  if (signal.kind === 'timer' && signal.name === CONTINUE) return agentStep(ctx, config, state)
  const head = state.queue[0]
  if (head?.status === 'awaiting-approval') {
    if (signal.kind === 'decision') {
      const record = approvalRecord(signal, head.args)
      const entry = { callId: head.id, tool: head.name, ...record }
      const recorded: AgentState = { ...state, approvals: [...state.approvals, entry] }
      if (record.decision === 'rejected') {
        const answered = answerHead(recorded, { error: 'A person rejected this call; it did not run.', reason: record.reason ?? null }, false)
        return continueWith(ctx, { ...answered, last: { kind: 'approval', ...entry } })
      }
      return continueWith(ctx, withHead(recorded, { ...head, args: record.after, status: 'approved', approval: record }, { kind: 'approval', ...entry }))
    }
    if (signal.kind === 'timer' && signal.name === 'deadline') {
      const rule = config.tools.find((t) => t.name === head.name)!.approval
      if (rule.onDeadline === 'escalate' && rule.escalateTo) return { stay: { reassign: { role: rule.escalateTo, reason: `not approved by the deadline (${rule.due})` } } }
      if (rule.onDeadline === 'reject') return continueWith(ctx, answerHead(state, { error: 'No one approved this call in time; it did not run.' }, false))
      return { stay: { remind: true } }
    }
  }
  if (head?.status === 'asking') {
    if (signal.kind === 'answer') return continueWith(ctx, answerHead(state, { answer: signal.answer, ...signal.data }, true))
    if (signal.kind === 'timer' && signal.name === 'expiry') return continueWith(ctx, answerHead(state, { error: 'The customer did not answer in time.' }, false))
  }
  if (head?.status === 'in-child' && signal.kind === 'child') {
    const ok = signal.status === 'completed'
    const result: JsonObject = ok
      ? { runId: signal.runId, outcome: signal.outcome ?? 'done', output: signal.output ?? {} }
      : { runId: signal.runId, error: signal.error?.message ?? `the flow run was ${signal.status}` }
    return continueWith(ctx, answerHead(state, result, ok))
  }
  return { stay: {} }
}
