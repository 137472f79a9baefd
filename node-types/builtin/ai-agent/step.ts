/**
 * One step of the agent, one commit of the run: ask the model for a turn,
 * or check, gate or run the next tool call it asked for. Every step ends by
 * waiting — on a person, the customer, or a `continue` timer due at once —
 * so what it did is stored before the next step starts; after a crash the
 * scheduler fires the timer and the agent goes on from its last record.
 */
import type { NodeContext } from '../../sdk/types.js'
import { approvalTask, needsApproval } from './approval.js'
import type { AgentConfig } from './config.js'
import { finalAnswer } from './final-answer.js'
import { chatTools, runTool } from './run-tool.js'
import { continueWith, limitReached, summaryOf } from './results.js'
import type { AgentResult } from './results.js'
import { answerHead, toJson, withHead, type AgentState, type PendingCall } from './state.js'
import { checkCall, parseArgs } from './tool-call.js'

export async function agentStep(ctx: NodeContext, config: AgentConfig, state: AgentState): Promise<AgentResult> {
  const head = state.queue[0]
  return head ? callStep(ctx, config, state, head) : modelTurn(ctx, config, state)
}

async function callStep(ctx: NodeContext, config: AgentConfig, state: AgentState, head: PendingCall): Promise<AgentResult> {
  if (head.status === 'requested') {
    const checked = checkCall(config, head.name, head.malformed ? undefined : head.args)
    if (!checked.ok) return continueWith(ctx, answerHead(state, { error: checked.error }, false))
    const gated = needsApproval(ctx, checked.tool, head.args)
    const entry = { kind: 'tool-call' as const, callId: head.id, tool: head.name, args: head.args, approval: gated ? ('needed' as const) : ('not needed' as const) }
    if (!gated) return continueWith(ctx, withHead(state, { ...head, status: 'approved' }, entry))
    const { task, timers } = approvalTask(ctx, checked.tool, head, state.messages)
    return { wait: { state: toJson(withHead(state, { ...head, status: 'awaiting-approval' }, entry)), task, timers } }
  }
  if (head.status === 'approved') {
    const tool = config.tools.find((t) => t.name === head.name)!
    const outcome = await runTool(ctx, tool, head)
    if ('ask' in outcome) {
      const asking = withHead(state, { ...head, status: 'asking' }, state.last)
      return { wait: { state: toJson(asking), request: outcome.ask, timers: [{ name: 'expiry', at: outcome.ask.expiresAt }] } }
    }
    if ('child' in outcome) return { wait: { state: toJson(withHead(state, { ...head, status: 'in-child' }, state.last)), child: outcome.child } }
    return continueWith(ctx, answerHead(state, outcome.done.result, outcome.done.ok))
  }
  // Waiting on a person, the customer or a child run: nothing to do until they answer.
  return { stay: {} }
}

async function modelTurn(ctx: NodeContext, config: AgentConfig, state: AgentState): Promise<AgentResult> {
  if (state.turns >= config.maxTurns) return limitReached(state, `the model took ${state.turns} turns without a final answer (at most ${config.maxTurns})`)
  if (!ctx.ai.chat) return { port: 'error', data: { error: 'this runtime’s AI service cannot call tools', ...summaryOf(state) } }
  let reply
  try {
    reply = await ctx.ai.chat({ provider: config.provider, model: config.model, messages: state.messages, tools: chatTools(config.tools) })
  } catch (error) {
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'AI_FAILED'
    return { port: 'error', data: { error: error instanceof Error ? error.message : String(error), code, ...summaryOf(state) } }
  }
  const calls = reply.message.tool_calls ?? []
  const turns = state.turns + 1
  const next: AgentState = { ...state, turns, model: reply.model, messages: [...state.messages, reply.message] }
  if (calls.length === 0) return finalAnswer(ctx, config, next)
  const toolCalls = state.toolCalls + calls.length
  if (toolCalls > config.maxToolCalls) {
    return limitReached({ ...next, toolCalls }, `the model asked for ${toolCalls} tool calls (at most ${config.maxToolCalls})`)
  }
  const queue: PendingCall[] = calls.map((call) => {
    const args = parseArgs(call)
    return { id: call.id, name: call.function.name, args: args ?? {}, status: 'requested', ...(args ? {} : { malformed: true }) }
  })
  const last = { kind: 'model-turn' as const, turn: turns, model: reply.model, toolCalls: calls.map((c) => c.function.name), final: false }
  return continueWith(ctx, { ...next, toolCalls, queue, last })
}
