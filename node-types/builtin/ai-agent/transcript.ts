/**
 * The conversation in readable form, for the person approving a tool call:
 * one line per message, tool calls with their arguments, long texts cut.
 */
import type { ChatMessage } from '../../sdk/chat.js'

const MAX_LINE = 600
const MAX_LINES = 60

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}…` : flat
}

/** @example transcript(state.messages) // ['Instructions: …', 'Request: …', 'Agent calls refund_payment {"amount":80}'] */
export function transcript(messages: readonly ChatMessage[]): string[] {
  const names = new Map<string, string>()
  const lines: string[] = []
  for (const message of messages) {
    if (message.role === 'system') lines.push(`Instructions: ${cut(message.content)}`)
    else if (message.role === 'user') lines.push(`Request: ${cut(message.content)}`)
    else if (message.role === 'assistant') {
      if (message.content) lines.push(`Agent: ${cut(message.content)}`)
      for (const call of message.tool_calls ?? []) {
        names.set(call.id, call.function.name)
        lines.push(`Agent calls ${call.function.name} ${cut(call.function.arguments)}`)
      }
    } else if (message.role === 'tool') lines.push(`${names.get(message.tool_call_id) ?? 'Tool'} answered: ${cut(message.content)}`)
  }
  return lines.length > MAX_LINES ? [`… ${lines.length - MAX_LINES} earlier lines`, ...lines.slice(-MAX_LINES)] : lines
}
