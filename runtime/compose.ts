/**
 * Wire an engine from its parts: the node-type registry, the AI providers,
 * the clock, ids and link signer. Shared by the server and the CLI.
 */
import { builtinNodeTypes } from '../node-types/builtin/index.js'
import { createRegistry, type NodeTypeRegistry } from '../node-types/registry.js'
import type { CredentialAccess, HttpRequestInit, Logger } from '../node-types/sdk/types.js'
import { configuredAiProviders } from './ai/configured-providers.js'
import { createAiService, type AiProviderImpl } from './ai/provider.js'
import type { EngineDeps } from './engine/deps.js'
import { createEngine, type Engine } from './engine/index.js'
import type { Store } from './engine/store.js'
import { authHeaders } from './credentials/auth-headers.js'
import { CredentialNotFound } from './credentials/credentials.js'
import { createIdGenerator } from './ids.js'
import { storeDatasetSource } from './learning/datasets.js'
import { createLinkSigner } from './links.js'

const systemClock = { now: () => new Date(), nowMs: () => Date.now() }

export interface ComposeOptions {
  store: Store
  secret: Buffer
  log: Logger
  onCommit?: EngineDeps['onCommit']
  clock?: EngineDeps['clock']
  /** Which channels beyond the outbox deliver a message (the notifier's rule). */
  channelsFor?: EngineDeps['channelsFor']
  /** The node types to run (default: the built-ins). The server passes built-ins plus custom types. */
  registry?: NodeTypeRegistry
  /** Stored credentials (`ctx.credentials`, and the `credential` an HTTP call names). */
  credentials?: CredentialAccess
  /** Replace parts of the outside world node types see (tests: fixed secrets, a fake HTTP, a stub AI). */
  overrides?: Partial<Pick<EngineDeps, 'ai' | 'http' | 'secrets' | 'credentials'>>
  /** More AI providers (a developer's own), next to `local` and the configured OpenAI-compatible ones. */
  aiProviders?: AiProviderImpl[]
  /** Where provider settings (`INLOOP_OPENAI_*`, `INLOOP_AI_PROVIDERS`) are read; default `process.env`. */
  env?: Record<string, string | undefined>
}

export function composeEngine(options: ComposeOptions): { engine: Engine; registry: NodeTypeRegistry } {
  const registry = options.registry ?? createRegistry(builtinNodeTypes)
  const engine = createEngine({
    store: options.store,
    registry,
    clock: options.clock ?? systemClock,
    ids: createIdGenerator(),
    links: createLinkSigner(options.secret),
    ai: createAiService(
      configuredAiProviders({ env: options.env ?? process.env, datasets: storeDatasetSource(options.store), extra: options.aiProviders }),
    ),
    log: options.log,
    http: (url, init) => fetchWithTimeout(url, init, options.credentials),
    credentials: options.credentials,
    secrets: { get: (name) => process.env[`INLOOP_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] },
    onCommit: options.onCommit,
    channelsFor: options.channelsFor,
    ...options.overrides,
  })
  return { engine, registry }
}

async function fetchWithTimeout(url: string, init: HttpRequestInit = {}, credentials?: CredentialAccess) {
  const { timeoutMs = 10_000, credential, headers, ...rest } = init
  const auth = credential ? authHeaders(await openCredential(credentials, credential), credential) : {}
  return fetch(url, { ...rest, headers: { ...headers, ...auth }, signal: AbortSignal.timeout(timeoutMs) })
}

function openCredential(credentials: CredentialAccess | undefined, name: string) {
  if (!credentials) return Promise.reject(new CredentialNotFound(name))
  return credentials.get(name)
}
