/**
 * The AI service the engine receives: a router over provider implementations
 * (the offline `local` one, an OpenAI-compatible one, ...), chosen per request
 * by `request.provider`.
 */
import type { AiAnswer, AiRequest, AiService } from '../../node-types/sdk/types.js'
import { AiError } from './errors.js'

/** One way of answering AI requests, registered under `id`. */
export interface AiProviderImpl {
  id: string
  run(request: AiRequest): Promise<AiAnswer>
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
  }
}
