/**
 * Chat with tools: the Chat Completions message and tool format that
 * OpenAI-compatible servers (hosted APIs, Ollama, vLLM) speak. The `ai-agent`
 * step talks to a model through these shapes; the runtime's provider sends
 * them as they are.
 */
import type { JsonObject } from './types.js'

/** A function the model asked to call; `arguments` is JSON text, as the model wrote it. */
export interface ChatToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string }

/** A tool as the model sees it: `parameters` is the tool's JSON Schema. */
export interface ChatTool {
  type: 'function'
  function: { name: string; description: string; parameters: JsonObject }
}

export interface ChatRequest {
  /** The provider id (e.g. `openai`); it must speak Chat Completions with tools. */
  provider: string
  /** The model to ask; default: the provider's. */
  model?: string
  messages: ChatMessage[]
  tools: ChatTool[]
}

/** One model turn: the assistant message, and the model that wrote it. */
export interface ChatReply {
  message: Extract<ChatMessage, { role: 'assistant' }>
  model: string
}
