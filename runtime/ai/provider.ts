/**
 * The AI service the engine receives: a router over provider implementations
 * (the offline `local` one, an OpenAI-compatible one, ...), chosen per request
 * by `request.provider`.
 */
import type { ChatReply, ChatRequest } from '../../node-types/sdk/chat.js'
import type { AiAnswer, AiRequest, AiService } from '../../node-types/sdk/types.js'
import { AiError } from './errors.js'

/** One way of answering AI requests, registered under `id`. */
export interface AiProviderImpl {
  id: string
  run(request: AiRequest): Promise<AiAnswer>
  /** One model turn with tools; only providers that speak Chat Completions with tools have it. */
  chat?(request: ChatRequest): Promise<ChatReply>
}

/** The provider used when a request names none. */
export const DEFAULT_AI_PROVIDER = 'local'

/**
 * Route each request to the provider named by `request.provider` (default
 * `local`). An unknown name fails with `AI_UNKNOWN_PROVIDER`, listing the known ones.
 *
 * @example
 * const ai = createAiService([createLocalProvider()])
 * const answer = await ai.run({ task: 'classify', provider: 'local', text, examples })
 */
export function createAiService(providers: AiProviderImpl[]): AiService {
  const byId = new Map<string, AiProviderImpl>()
  for (const provider of providers) {
    if (byId.has(provider.id)) {
      throw new AiError('AI_DUPLICATE_PROVIDER', `Two AI providers are registered as '${provider.id}'; give each a distinct id.`)
    }
    byId.set(provider.id, provider)
  }
  return {
    run(request) {
      const id = request.provider || DEFAULT_AI_PROVIDER
      const provider = byId.get(id)
      if (!provider) {
        const known = [...byId.keys()].map((k) => `'${k}'`).join(', ') || 'none'
        return Promise.reject(
          new AiError('AI_UNKNOWN_PROVIDER', `Unknown AI provider '${id}'. Known providers: ${known}.`),
        )
      }
      return provider.run(request)
    },
    chat(request) {
      const provider = byId.get(request.provider)
      if (!provider) {
        return Promise.reject(
          new AiError(
            'AI_NOT_CONFIGURED',
            `No OpenAI-compatible provider '${request.provider}' is configured, and an AI agent needs one that calls tools: ` +
              'set INLOOP_OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8000/v1 for vLLM) and INLOOP_OPENAI_MODEL, ' +
              'or list it in the file INLOOP_AI_PROVIDERS names.',
          ),
        )
      }
      if (!provider.chat) {
        return Promise.reject(new AiError('AI_NO_TOOLS', `The AI provider '${request.provider}' cannot call tools; an AI agent needs an OpenAI-compatible provider.`))
      }
      return provider.chat(request)
    },
  }
}
