/**
 * What the engine is given. Everything with a side effect or a source of
 * non-determinism (time, ids, crypto, AI, HTTP) comes in through here, so the
 * engine stays pure and tests can pin the clock.
 */
import type { NodeTypeRegistry } from '../../node-types/registry.js'
import type { AiService, CredentialAccess, HttpRequestInit, HttpResponse, Logger } from '../../node-types/sdk/types.js'
import type { RunEvent } from './events.js'
import type { RunState } from './state.js'
import type { OutboxMessage, Store } from './store.js'

export interface Clock {
  now(): Date
  /** The same instant in epoch milliseconds, if the clock can say it without making a Date (hot path). */
  nowMs?(): number
}

export interface IdGenerator {
  /** A new unique id that sorts by creation time, e.g. `r_…` for runs. */
  next(prefix: string): string
}

/** Signs customer links. Tokens are derived (HMAC) so reminders can resend the same link; only hashes are stored. */
export interface LinkSigner {
  tokenFor(binding: { runId: string; requestId: string; expiresAt: string }): Promise<string> | string
  hash(token: string): Promise<string> | string
}

export interface EngineDeps {
  store: Store
  registry: NodeTypeRegistry
  clock: Clock
  ids: IdGenerator
  links: LinkSigner
  ai: AiService
  log: Logger
  secrets?: { get(name: string): string | undefined }
  /** Stored credentials, opened on demand (`ctx.credentials`). */
  credentials?: CredentialAccess
  http?: (url: string, init?: HttpRequestInit) => Promise<HttpResponse>
  /**
   * Channels beyond the outbox that must deliver a message (e.g. `smtp`,
   * `webhook`), decided when it is queued; a dispatcher at the edge delivers.
   */
  channelsFor?: (message: OutboxMessage, run: { flowId: string; test: boolean }) => string[]
  /** Called after every durable commit, in order per run (live view, SSE). */
  onCommit?: (state: RunState, events: readonly RunEvent[]) => void
}
