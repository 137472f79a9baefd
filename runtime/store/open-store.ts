/** Open the configured store: lowdb in a data folder, or memory when no folder is given. */
import { mkdir } from 'node:fs/promises'
import type { Store } from '../engine/store.js'
import { openLowdbStore } from './lowdb/index.js'
import { createMemoryStore } from './memory-store.js'

export async function openStore(dataDir: string | undefined): Promise<Store> {
  if (!dataDir) return createMemoryStore()
  await mkdir(dataDir, { recursive: true })
  return openLowdbStore(dataDir)
}
