/**
 * The PostgreSQL Store: any number of Inloop processes on one database.
 * Opening connects (one clear line when it cannot), migrates under an
 * advisory lock, and composes the run, flow, flow-data and people halves.
 *
 * @example
 * const store = await openPostgresStore(process.env.INLOOP_DATABASE_URL!)
 * try {
 *   await store.runs.appendRun(runId, events, state)
 * } finally {
 *   await store.close()
 * }
 */
import type { Store } from '../../engine/store.js'
import type { AuthStore } from '../auth-store.js'
import { connect, describeTarget, type Sql } from './connect.js'
import { migrate } from './migrate.js'
import { createPgAuthStore } from './pg-auth.js'
import { createPgFlowData, createPgFlowStore } from './pg-flows.js'
import { createPgRunStore } from './pg-runs.js'

export interface PostgresStoreOptions {
  /** Clock for draft and version stamps; defaults to the system clock. */
  now?: () => string
  /** Connections in this process's pool (default 10). */
  max?: number
}

export interface PostgresStore extends Store {
  readonly auth: AuthStore
  /** The pool, for what lives beside the store (settings, the live feed). */
  readonly sql: Sql
  /** `host:port/database`, for logs. */
  readonly where: string
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const target = describeTarget(url)
  const sql = await connect(url, { max: options.max })
  try {
    await migrate(sql)
  } catch (error) {
    await sql.end({ timeout: 0 })
    throw error
  }
  const runs = createPgRunStore(sql)
  let closing: Promise<void> | undefined
  return {
    sql,
    where: `${target.host}:${target.port}/${target.database}`,
    runs,
    flows: createPgFlowStore(sql, options.now ?? (() => new Date().toISOString())),
    flowData: createPgFlowData(sql),
    auth: createPgAuthStore(sql),
    close: () =>
      (closing ??= (async () => {
        await runs.close()
        await sql.end({ timeout: 5 })
      })()),
  }
}
