/**
 * The AI providers a server runs with: the offline `local` one always, the
 * OpenAI-compatible ones its environment configures, and any a developer
 * embedding the runtime passes in (`startServer({ aiProviders: [...] })`).
 */
import type { DatasetSource } from './local/datasets.js'
import { createLocalProvider } from './local/local-provider.js'
import { openAiOptionsFromEnv, openAiOptionsFromFile } from './openai/config.js'
import { createOpenAiProvider } from './openai/openai-provider.js'
import type { AiProviderImpl } from './provider.js'

export interface ConfiguredProvidersOptions {
  env?: Record<string, string | undefined>
  /** Reviewed examples of retrained steps (from the store). */
  datasets?: DatasetSource
  /** More providers, registered after the configured ones; ids must be distinct. */
  extra?: AiProviderImpl[]
}

/**
 * @example
 * createAiService(configuredAiProviders({ env: process.env, extra: [myProvider] }))
 */
export function configuredAiProviders(options: ConfiguredProvidersOptions = {}): AiProviderImpl[] {
  const env = options.env ?? {}
  const providers: AiProviderImpl[] = [createLocalProvider({ datasets: options.datasets })]
  const fromEnv = openAiOptionsFromEnv(env)
  if (fromEnv) providers.push(createOpenAiProvider(fromEnv))
  for (const entry of openAiOptionsFromFile(env)) providers.push(createOpenAiProvider(entry))
  return [...providers, ...(options.extra ?? [])]
}
