/**
 * The OpenAI-compatible AI provider: any server that speaks the chat
 * completions API with JSON Schema structured output (hosted APIs, Ollama,
 * vLLM, llama.cpp). Base URL, model and key are server configuration; a flow
 * only names the provider (`"provider": "openai"`) and maybe a model.
 */
import type { AiAnswer, AiRequest } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'
import type { AiProviderImpl } from '../provider.js'
import { parseAnswer } from './parse-answer.js'
import { postWithRetries, type PostDeps, type RetryPolicy } from './retrying-post.js'
import { fewShotMessages } from './few-shot-messages.js'
import { structuredTask } from './structured-output.js'
import { chatPayload, chatReply } from './chat.js'
import type { ChatReply, ChatRequest } from '../../../node-types/sdk/chat.js'

export interface OpenAiProviderOptions {
  /** The id flows name in `provider` (default `openai`). */
  id?: string
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string
  /** Sent as a bearer token; local servers often need none. Never stored in a flow, an event or a response. */
  apiKey?: string
  /** Default model; a step may name another in `model`. */
  model: string
  timeoutMs?: number
  maxRetries?: number
  baseDelayMs?: number
  maxDelayMs?: number
  maxRetryAfterMs?: number
  /** For tests: a fetch, a sleep and a random source to replace the real ones. */
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/**
 * @example
 * const ai = createAiService([createLocalProvider(), createOpenAiProvider({ baseUrl, apiKey, model: 'gpt-4o-mini' })])
 * await ai.run({ task: 'classify', provider: 'openai', text, labels: ['nda', 'liability'] })
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): AiProviderImpl {
  let base: URL
  try {
    base = new URL(options.baseUrl)
  } catch {
    throw new AiError('AI_CONFIG', `The OpenAI-compatible base URL '${options.baseUrl}' is not a URL; use e.g. https://api.openai.com/v1`)
  }
  if (!options.model) throw new AiError('AI_CONFIG', 'The OpenAI-compatible provider needs a default model (e.g. INLOOP_OPENAI_MODEL=gpt-4o-mini)')
  const url = `${base.href.replace(/\/+$/, '')}/chat/completions`
  const policy: RetryPolicy = {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  }
  const deps: PostDeps = {
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
    random: options.random ?? Math.random,
    secrets: options.apiKey ? [options.apiKey] : [],
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`

  async function run(request: AiRequest): Promise<AiAnswer> {
    const task = structuredTask(request)
    const model = typeof request.options?.model === 'string' && request.options.model ? request.options.model : options.model
    const payload = {
      model,
      temperature: 0,
      messages: [
        { role: 'system', content: task.instruction },
        ...fewShotMessages(request),
        { role: 'user', content: request.prompt?.trim() ? request.prompt : request.text },
      ],
      response_format: { type: 'json_schema', json_schema: { name: task.name, strict: true, schema: task.schema } },
    }
    return parseAnswer(request, await postWithRetries(url, headers, payload, policy, deps), model)
  }

  async function chat(request: ChatRequest): Promise<ChatReply> {
    const model = request.model || options.model
    return chatReply(await postWithRetries(url, headers, chatPayload(request, model), policy, deps), model)
  }

  return { id: options.id ?? 'openai', run, chat }
}
