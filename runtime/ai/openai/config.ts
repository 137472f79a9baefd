/**
 * Where OpenAI-compatible providers come from: the server's environment
 * (`INLOOP_OPENAI_*`) and, for several, a providers file named by
 * `INLOOP_AI_PROVIDERS`. Keys live here, on the server — never in a flow.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { AiError } from '../errors.js'
import type { OpenAiProviderOptions } from './openai-provider.js'

type Env = Record<string, string | undefined>

const positive = z.coerce.number().int().positive()

const fileEntry = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a provider id is lowercase letters, digits and dashes'),
  type: z.literal('openai-compatible'),
  baseUrl: z.string().url(),
  model: z.string().min(1),
  /** Name of the environment variable that holds the key (preferred), */
  apiKeyEnv: z.string().optional(),
  /** or the key itself, in this server-side file. */
  apiKey: z.string().optional(),
  timeoutMs: positive.optional(),
  maxRetries: z.coerce.number().int().min(0).max(10).optional(),
})

/**
 * The provider configured by `INLOOP_OPENAI_BASE_URL` (or `INLOOP_OPENAI_API_KEY`
 * alone, meaning api.openai.com), `INLOOP_OPENAI_MODEL`, `INLOOP_OPENAI_TIMEOUT_MS`,
 * `INLOOP_OPENAI_MAX_RETRIES` and `INLOOP_OPENAI_PROVIDER_ID`; undefined when none is set.
 *
 * @example
 * openAiOptionsFromEnv({ INLOOP_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', INLOOP_OPENAI_MODEL: 'llama3.1' })
 */
export function openAiOptionsFromEnv(env: Env): OpenAiProviderOptions | undefined {
  const baseUrl = env.INLOOP_OPENAI_BASE_URL || (env.INLOOP_OPENAI_API_KEY ? 'https://api.openai.com/v1' : undefined)
  if (!baseUrl) return undefined
  const whole = (name: string, min: number): number | undefined => {
    if (!env[name]) return undefined
    const value = Number(env[name])
    if (!Number.isInteger(value) || value < min) throw new AiError('AI_CONFIG', `${name} must be a whole number ≥ ${min}, got '${env[name]}'`)
    return value
  }
  return {
    id: env.INLOOP_OPENAI_PROVIDER_ID || 'openai',
    baseUrl,
    apiKey: env.INLOOP_OPENAI_API_KEY || undefined,
    model: env.INLOOP_OPENAI_MODEL || 'gpt-4o-mini',
    timeoutMs: whole('INLOOP_OPENAI_TIMEOUT_MS', 1),
    maxRetries: whole('INLOOP_OPENAI_MAX_RETRIES', 0),
  }
}

/**
 * Providers listed in the JSON file `INLOOP_AI_PROVIDERS` points to:
 * `[{ "id": "ollama", "type": "openai-compatible", "baseUrl": "...", "model": "...", "apiKeyEnv": "OLLAMA_KEY" }]`.
 */
export function openAiOptionsFromFile(env: Env): OpenAiProviderOptions[] {
  const file = env.INLOOP_AI_PROVIDERS
  if (!file) return []
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new AiError('AI_CONFIG', `INLOOP_AI_PROVIDERS: ${file} could not be read as JSON (${(error as Error).message})`)
  }
  const parsed = z.array(fileEntry).safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ')
    throw new AiError('AI_CONFIG', `INLOOP_AI_PROVIDERS: ${file} is not a list of providers: ${problems}`)
  }
  return parsed.data.map((entry) => {
    const apiKey = entry.apiKeyEnv ? env[entry.apiKeyEnv] : entry.apiKey
    if (entry.apiKeyEnv && !apiKey) throw new AiError('AI_CONFIG', `provider '${entry.id}' takes its key from ${entry.apiKeyEnv}, which is not set`)
    return { id: entry.id, baseUrl: entry.baseUrl, model: entry.model, apiKey, timeoutMs: entry.timeoutMs, maxRetries: entry.maxRetries }
  })
}
