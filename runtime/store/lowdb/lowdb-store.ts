/**
 * The default Store: a data folder of JSON files written through lowdb with a
 * durable adapter, partitioned so one write costs the same with 10 or 100,000
 * runs stored. Layout: `LOCK`, `runs/<bucket>/<runId>.json`,
 * `flows/<flowId>/flow.json` and `flows/<flowId>/v<N>.json`.
 *
 * @example
 * const store = await openLowdbStore('data', { onWarning: console.warn })
 * try {
 *   await store.runs.appendRun(runId, events, state)
 * } finally {
 *   await store.close()
 * }
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Store } from '../../engine/store.js'
import { deriveState } from '../../engine/state.js'
import { createFlowData, forgetDataOnDelete } from '../flow-data.js'
import { createFlowRepo } from '../flow-repo.js'
import { RunIndex } from '../run-index.js'
import { createRunStore } from '../run-store.js'
import type { AuthStore } from '../auth-store.js'
import { openAuthFiles } from './auth-files.js'
import { fsyncDir } from './durable-file.js'
import { FlowDataFiles } from './flow-data-files.js'
import { FLOWS_DIR, FlowFiles } from './flow-files.js'
import { lockFolder } from './folder-lock.js'
import { RunFiles } from './run-files.js'
import { RUNS_DIR } from './run-file-format.js'

export interface LowdbStoreOptions {
  /** Called with each warning (stale lock taken over, crash leftovers removed). */
  onWarning?: (message: string) => void
  /** Clock for draft and version stamps; defaults to the system clock. */
  now?: () => string
  /** Runs whose log and state stay in memory after use (default 1,000). */
  cacheLimit?: number
  /** Reader threads loading run files at open (default 4). */
  loadThreads?: number
}

export interface LowdbStore extends Store {
  /** Users, sessions and API keys: `auth/` in the data folder. */
  readonly auth: AuthStore
  readonly dir: string
  /** Warnings raised while opening, also passed to `onWarning`. */
  readonly warnings: readonly string[]
}

/** Open (creating if needed) and lock a data folder; throws STORE_LOCKED or STORE_CORRUPT. */
export async function openLowdbStore(dir: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const warnings: string[] = []
  const warn = (message: string): void => {
    warnings.push(message)
    options.onWarning?.(message)
  }
  await mkdir(dir, { recursive: true })
  const lock = await lockFolder(dir, warn)
  try {
    const index = new RunIndex()
    const runFiles = new RunFiles(join(dir, RUNS_DIR))
    const adopt = { adopt: true }
    await runFiles.open((doc) => index.put(deriveState(doc.runId, doc.events), doc.outbox, adopt), warn, options.loadThreads)
    const flowFiles = new FlowFiles(join(dir, FLOWS_DIR))
    const records = await flowFiles.open(warn)
    // Make `runs/` and `flows/` themselves durable, in case open just created them.
    await fsyncDir(dir)
    const runs = createRunStore(runFiles, index, { cacheLimit: options.cacheLimit ?? 1000 })
    const flowData = createFlowData(new FlowDataFiles(join(dir, FLOWS_DIR)))
    const flows = forgetDataOnDelete(createFlowRepo(flowFiles, records, options.now ?? (() => new Date().toISOString())), flowData)
    let closing: Promise<void> | undefined
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        try {
          await runs.close()
          await flows.idle()
        } finally {
          await lock.release()
        }
      })())
    const auth = await openAuthFiles(dir, () => new Date(), warn)
    return { dir, warnings, runs, flows, flowData, auth, close }
  } catch (err) {
    await lock.release()
    throw err
  }
}
