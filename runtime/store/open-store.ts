/**
 * Open the configured store: PostgreSQL when a database URL is given
 * (`INLOOP_DATABASE_URL`), else lowdb in a data folder, else memory.
 */
import { mkdir } from 'node:fs/promises'
import type { Store } from '../engine/store.js'
import type { AuthStore } from './auth-store.js'
import { openLowdbStore } from './lowdb/index.js'
import { createMemoryStore } from './memory-store.js'
import { openPostgresStore } from './postgres/index.js'
import { sharedLinkSecret } from './postgres/settings.js'

/** The engine's store plus the people data the HTTP layer signs in against. */
export type AppStore = Store & {
  auth: AuthStore
  /** The customer-link secret every process of this store shares (PostgreSQL); absent: the data folder's key file. */
  linkSecret?: () => Promise<Buffer>
}

export interface StoreLocation {
  /** `postgres://…`: wins over `dataDir`. */
  databaseUrl?: string
  dataDir?: string
}

export async function openStore(where: StoreLocation): Promise<AppStore> {
  if (where.databaseUrl) {
    const store = await openPostgresStore(where.databaseUrl)
    return Object.assign(store, { linkSecret: () => sharedLinkSecret(store.sql) })
  }
  if (!where.dataDir) return createMemoryStore()
  await mkdir(where.dataDir, { recursive: true })
  return openLowdbStore(where.dataDir)
}
