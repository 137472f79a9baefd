/**
 * One model turn with tools over Chat Completions: the request goes out in
 * the standard format (`tools` as functions, tool results as `role: "tool"`
 * messages), and the reply is checked before the agent records it.
 */
import type { ChatMessage, ChatReply, ChatRequest, ChatToolCall } from '../../../node-types/sdk/chat.js'
import { AiError } from '../errors.js'

function bad(what: string): AiError {
  return new AiError('AI_BAD_RESPONSE', `The model's turn could not be used: ${what}.`)
}

/** The body of `POST /chat/completions` for a turn. */
export function chatPayload(request: ChatRequest, model: string): Record<string, unknown> {
  return {
    model,
    temperature: 0,
    messages: request.messages,
    ...(request.tools.length > 0 ? { tools: request.tools, tool_choice: 'auto' } : {}),
  }
}

/** The assistant message of a completion, with only the fields the conversation keeps. */
export function chatReply(body: unknown, model: string): ChatReply {
  const completion = body as { model?: unknown; choices?: { message?: Record<string, unknown>; finish_reason?: unknown }[] }
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined
  const message = choice?.message
  if (!message) throw bad('it has no choices[0].message')
  if (choice.finish_reason === 'length') throw bad('it was cut off at the token limit')
  const content = typeof message.content === 'string' ? message.content : null
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls.map(toolCall) : []
  if (calls.length === 0 && content === null) throw bad('its message has neither text nor tool calls')
  const reply: Extract<ChatMessage, { role: 'assistant' }> = { role: 'assistant', content }
  if (calls.length > 0) reply.tool_calls = calls
  return { message: reply, model: typeof completion.model === 'string' && completion.model ? completion.model : model }
}

function toolCall(raw: unknown, index: number): ChatToolCall {
  const call = raw as { id?: unknown; function?: { name?: unknown; arguments?: unknown } }
  const name = call?.function?.name
  if (typeof name !== 'string' || !name) throw bad(`tool call ${index} names no function`)
  const args = call.function?.arguments
  // Some servers send the arguments as an object instead of JSON text; keep them as text, as the format says.
  const text = typeof args === 'string' ? args : args === undefined ? '{}' : JSON.stringify(args)
  const id = typeof call.id === 'string' && call.id ? call.id : `call_${index}`
  return { id, type: 'function', function: { name, arguments: text } }
}
