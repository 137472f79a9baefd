/**
 * Wire an engine from its parts: the node-type registry, the AI providers,
 * the clock, ids and link signer. Shared by the server and the CLI.
 */
import { builtinNodeTypes } from '../node-types/builtin/index.js'
import { createRegistry, type NodeTypeRegistry } from '../node-types/registry.js'
import type { Logger } from '../node-types/sdk/types.js'
import { createLocalProvider } from './ai/local/local-provider.js'
import { createAiService } from './ai/provider.js'
import type { EngineDeps } from './engine/deps.js'
import { createEngine, type Engine } from './engine/index.js'
import type { Store } from './engine/store.js'
import { createIdGenerator } from './ids.js'
import { createLinkSigner } from './links.js'

const systemClock = { now: () => new Date(), nowMs: () => Date.now() }

export interface ComposeOptions {
  store: Store
  secret: Buffer
  log: Logger
  onCommit?: EngineDeps['onCommit']
  clock?: EngineDeps['clock']
  /** The node types to run (default: the built-ins). The server passes built-ins plus custom types. */
  registry?: NodeTypeRegistry
}

export function composeEngine(options: ComposeOptions): { engine: Engine; registry: NodeTypeRegistry } {
  const registry = options.registry ?? createRegistry(builtinNodeTypes)
  const engine = createEngine({
    store: options.store,
    registry,
    clock: options.clock ?? systemClock,
    ids: createIdGenerator(),
    links: createLinkSigner(options.secret),
    ai: createAiService([createLocalProvider()]),
    log: options.log,
    http: (url, init) => fetchWithTimeout(url, init),
    secrets: { get: (name) => process.env[`INLOOP_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] },
    onCommit: options.onCommit,
  })
  return { engine, registry }
}

async function fetchWithTimeout(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}) {
  const { timeoutMs = 10_000, ...rest } = init
  return fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) })
}
