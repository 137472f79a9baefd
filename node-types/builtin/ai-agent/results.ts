/** How an agent step ends: commit and go on at once, or leave by `limit`. */
import type { JsonObject, NodeContext, NodeResult } from '../../sdk/types.js'
import { toJson, type AgentState } from './state.js'

/** What an agent step returns: a port of its own, or a wait. */
export type AgentResult = NodeResult<'done' | 'error' | 'limit'>

/** The timer that moves the agent to its next step. */
export const CONTINUE = 'continue'

/** Commit `state`, then take the next step at once. */
export function continueWith(ctx: NodeContext, state: AgentState): AgentResult {
  return { wait: { state: toJson(state), timers: [{ name: CONTINUE, at: ctx.now().toISOString() }] } }
}

export function summaryOf(state: AgentState): JsonObject {
  return { turns: state.turns, toolCalls: state.toolCalls, model: state.model ?? null, approvals: state.approvals as unknown as JsonObject[] }
}

export function limitReached(state: AgentState, reason: string): AgentResult {
  return { port: 'limit', data: { reason, ...summaryOf(state) } }
}

