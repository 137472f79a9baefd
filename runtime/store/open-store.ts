/** Open the configured store: lowdb in a data folder, or memory when no folder is given. */
import { mkdir } from 'node:fs/promises'
import type { Store } from '../engine/store.js'
import type { AuthStore } from './auth-store.js'
import { openLowdbStore } from './lowdb/index.js'
import { createMemoryStore } from './memory-store.js'

/** The engine's store plus the people data the HTTP layer signs in against. */
export type AppStore = Store & { auth: AuthStore }

export async function openStore(dataDir: string | undefined): Promise<AppStore> {
  if (!dataDir) return createMemoryStore()
  await mkdir(dataDir, { recursive: true })
  return openLowdbStore(dataDir)
}
