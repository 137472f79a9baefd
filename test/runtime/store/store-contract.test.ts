/**
 * The Store contract, run against every store: whatever the engine, the HTTP
 * layer, the scheduler, the dispatcher and auth may rely on behaves the same
 * in memory, in a data folder and in PostgreSQL (a database of its own for this
 * file, on INLOOP_TEST_DATABASE_URL). The sections are in
 * `contract/`.
 */
import { afterAll, afterEach, beforeEach, describe } from 'vitest'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { openLowdbStore } from '../../../runtime/store/lowdb/lowdb-store.js'
import { openPostgresStore } from '../../../runtime/store/postgres/index.js'
import type { AppStore } from '../../../runtime/store/open-store.js'
import { authContract } from './contract/auth.js'
import { flowsContract } from './contract/flows.js'
import { runsContract } from './contract/runs.js'
import { tasksContract } from './contract/tasks.js'
import { timersAndOutboxContract } from './contract/timers-and-outbox.js'
import { removeTempDirs, tempDir } from './fixtures/temp-dir.js'
import { createTestDatabase, dropTestDatabases, resetDatabase } from '../../helpers/pg-database.js'

const clock = (): (() => string) => {
  let t = Date.parse('2025-02-01T00:00:00.000Z')
  return () => new Date((t += 1000)).toISOString()
}

const stores: [string, () => Promise<AppStore>][] = [
  ['memory store', async () => createMemoryStore({ now: clock() })],
  ['lowdb store', async () => openLowdbStore(await tempDir(), { now: clock() })],
  ['postgres store', async () => openPostgres()],
]

let databaseUrl: Promise<string> | undefined
/** One database for this file, migrated by the first store and emptied before each test. */
async function openPostgres(): Promise<AppStore> {
  databaseUrl ??= createTestDatabase('store-contract')
  const url = await databaseUrl
  const store = await openPostgresStore(url, { now: clock(), max: 4 })
  await resetDatabase(url)
  return store
}

afterAll(async () => {
  await removeTempDirs()
  if (databaseUrl) await dropTestDatabases()
})

describe.each(stores)('%s', (_name, open) => {
  let store: AppStore
  beforeEach(async () => {
    store = await open()
  })
  afterEach(async () => {
    await store.close()
  })
  const current = () => store

  runsContract(current)
  tasksContract(current)
  timersAndOutboxContract(current)
  flowsContract(current)
  authContract(current)
})
