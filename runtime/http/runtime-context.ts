/** What the HTTP routers are given: the engine and store, nothing global. */
import type { Request } from 'express'
import type { NodeTypeRegistry } from '../../node-types/registry.js'
import type { Logger } from '../../node-types/sdk/types.js'
import type { Auth } from '../auth/auth.js'
import type { Credentials } from '../credentials/credentials.js'
import type { Engine } from '../engine/engine.js'
import type { Learning } from '../learning/index.js'
import type { NodeTypeCatalog } from '../node-types/catalog.js'
import type { Store } from '../engine/store.js'
import { maybePrincipal } from './principal.js'
import type { StreamHub } from './stream-hub.js'

export interface Sample {
  name: string
  input: unknown
}

export interface RuntimeContext {
  engine: Engine
  store: Store
  registry: NodeTypeRegistry
  hub: StreamHub
  log: Logger
  version: string
  /** Users, sessions and API keys (`INLOOP_API_KEY` among them). */
  auth: Auth
  /** Stored credentials (admin-managed secrets for node types). */
  credentials: Credentials
  /** Where people reach this server (`INLOOP_PUBLIC_URL`), for links in messages and the Secure cookie flag. */
  publicUrl?: string
  /** Sample inputs per flow id (from `examples/<name>.inputs.json`). */
  samples: Map<string, Sample[]>
  /** Parameter versions, dataset, metrics, what-if and retraining. */
  learning: Pick<Learning, 'parameters' | 'service' | 'loop'>
  /** Custom node types: where each came from and what failed to load (absent: built-ins only). */
  nodeTypes?: Pick<NodeTypeCatalog, 'problems' | 'originOf'>
}

/**
 * Who is acting: the signed-in person, the person an admin API key acts for
 * (`X-Inloop-User`), or `key:<name>` for a key acting as itself.
 */
export function actorOf(req: Request): string {
  return maybePrincipal(req)?.username ?? 'anonymous'
}
