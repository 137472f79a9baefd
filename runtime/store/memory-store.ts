/**
 * The in-memory Store, for tests and embedding: the same run and flow logic as
 * the lowdb store over Maps instead of files. Nothing survives the process.
 *
 * @example
 * const store = createMemoryStore()
 * await store.runs.appendRun(runId, events, state)
 * const run = await store.runs.getRun(runId)
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { Store } from '../engine/store.js'
import { createFlowRepo, type FlowPersistence, type FlowRecord } from './flow-repo.js'
import { RunIndex } from './run-index.js'
import { createRunStore, type RunDoc, type RunPersistence } from './run-store.js'

export interface MemoryStoreOptions {
  /** Clock for draft and version stamps; defaults to the system clock. */
  now?: () => string
}

export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date().toISOString())
  const runs = createRunStore(memoryRuns(), new RunIndex(), { cacheLimit: 1000 })
  const flows = createFlowRepo(memoryFlows(), [], now)
  const close = async (): Promise<void> => {
    await runs.close()
    await flows.idle()
  }
  return { runs, flows, close }
}

function memoryRuns(): RunPersistence {
  const docs = new Map<string, RunDoc>()
  return {
    async read(runId) {
      return docs.get(runId)
    },
    async write(batch) {
      for (const doc of batch) docs.set(doc.runId, doc)
    },
  }
}

function memoryFlows(): FlowPersistence {
  const records = new Map<string, FlowRecord>()
  const versions = new Map<string, Flow>()
  return {
    async saveRecord(record) {
      records.set(record.id, structuredClone(record))
    },
    async saveVersion(flowId, version, flow) {
      versions.set(`${flowId}@${version}`, structuredClone(flow))
    },
    async readVersion(flowId, version) {
      return versions.get(`${flowId}@${version}`)
    },
    async remove(flowId) {
      records.delete(flowId)
      for (const key of [...versions.keys()]) if (key.startsWith(`${flowId}@`)) versions.delete(key)
    },
  }
}
