/**
 * The agent's durable state: the conversation so far, the tool calls of the
 * last model turn still to answer, and counters. It travels in the wait's
 * state, so every commit of the step (a model turn, a tool call, an approval,
 * a tool result) records it in the run's log — `last` says which it was.
 */
import type { ChatMessage } from '../../sdk/chat.js'
import type { Json, JsonObject } from '../../sdk/types.js'

/** `asking`: waiting on the customer; `in-child`: waiting on a sub-flow run. */
export type CallStatus = 'requested' | 'awaiting-approval' | 'approved' | 'asking' | 'in-child'

/** What a person decided on a gated call; `corrected` = approved with changed arguments. */
export interface ApprovalRecord {
  decision: 'approved' | 'corrected' | 'rejected'
  by: string
  reviewers: string[]
  reason?: string
  before: JsonObject
  after: JsonObject
  corrections: Record<string, { from: Json; to: Json }>
}

export interface PendingCall {
  id: string
  name: string
  args: JsonObject
  status: CallStatus
  /** The model's arguments were not a JSON object. */
  malformed?: boolean
  approval?: ApprovalRecord
}

/** What the commit that carries this state recorded. */
export type AgentEntry =
  | { kind: 'started' }
  | { kind: 'model-turn'; turn: number; model: string; toolCalls: string[]; final: boolean }
  | { kind: 'tool-call'; callId: string; tool: string; args: JsonObject; approval: 'needed' | 'not needed' }
  | ({ kind: 'approval'; callId: string; tool: string } & ApprovalRecord)
  | { kind: 'tool-result'; callId: string; tool: string; ok: boolean; result: Json }

export interface AgentState {
  messages: ChatMessage[]
  /** Model turns taken. */
  turns: number
  /** Tool calls the model asked for. */
  toolCalls: number
  /** Calls of the last model turn not yet answered, in the order the model made them. */
  queue: PendingCall[]
  /** Every approval decision so far (the learning loop reads these). */
  approvals: ({ callId: string; tool: string } & ApprovalRecord)[]
  last: AgentEntry
  model?: string
}

export function toJson(state: AgentState): JsonObject {
  return state as unknown as JsonObject
}

export function fromJson(state: JsonObject): AgentState {
  const s = state as unknown as Partial<AgentState>
  if (!Array.isArray(s.messages) || !Array.isArray(s.queue)) throw new Error('the agent’s saved state is not readable')
  return { approvals: [], ...s } as AgentState
}

/** Answer the call at the head of the queue with a tool message, and drop it. */
export function answerHead(state: AgentState, result: Json, ok: boolean): AgentState {
  const [head, ...rest] = state.queue
  const content = typeof result === 'string' ? result : JSON.stringify(result)
  return {
    ...state,
    queue: rest,
    messages: [...state.messages, { role: 'tool', tool_call_id: head.id, content }],
    last: { kind: 'tool-result', callId: head.id, tool: head.name, ok, result },
  }
}

export function withHead(state: AgentState, head: PendingCall, last: AgentEntry): AgentState {
  return { ...state, queue: [head, ...state.queue.slice(1)], last }
}
