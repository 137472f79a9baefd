/** What the HTTP routers are given: the engine and store, nothing global. */
import type { Request } from 'express'
import type { NodeTypeRegistry } from '../../node-types/registry.js'
import type { Logger } from '../../node-types/sdk/types.js'
import type { Engine } from '../engine/engine.js'
import type { Store } from '../engine/store.js'
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
  apiKey?: string
  /** Sample inputs per flow id (from `examples/<name>.inputs.json`). */
  samples: Map<string, Sample[]>
}

/**
 * Who is acting. Until sign-in exists this is the `X-Inloop-User` header
 * (trusted, like the API key that guards it) or `anonymous`.
 */
export function actorOf(req: Request): string {
  const header = req.get('x-inloop-user')?.trim()
  return header && /^[\w.@+-]{1,100}$/.test(header) ? header : 'anonymous'
}
