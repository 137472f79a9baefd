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
import { createMemoryAuthStore, type AuthStore } from './auth-store.js'
import { createFlowData, forgetDataOnDelete, type FlowDataPersistence } from './flow-data.js'
import { createFlowRepo, type FlowPersistence, type FlowRecord } from './flow-repo.js'
import { RunIndex } from './run-index.js'
import { createRunStore, type RunDoc, type RunPersistence } from './run-store.js'

export interface MemoryStoreOptions {
  /** Clock for draft and version stamps; defaults to the system clock. */
  now?: () => string
}

export function createMemoryStore(options: MemoryStoreOptions = {}): Store & { auth: AuthStore } {
  const now = options.now ?? (() => new Date().toISOString())
  const runs = createRunStore(memoryRuns(), new RunIndex(), { cacheLimit: 1000 })
  const dataDocs = new Map<string, unknown>()
  const flowData = createFlowData(memoryFlowData(dataDocs))
  const flows = forgetDataOnDelete(createFlowRepo(memoryFlows(dataDocs), [], now), flowData)
  const close = async (): Promise<void> => {
    await runs.close()
    await flows.idle()
  }
  return { runs, flows, flowData, auth: createMemoryAuthStore(), close }
}

function memoryFlowData(docs: Map<string, unknown>): FlowDataPersistence {
  return {
    async read(flowId, key) {
      return docs.get(`${flowId}\u0000${key}`)
    },
    async write(flowId, key, value) {
      docs.set(`${flowId}\u0000${key}`, value)
    },
  }
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

function memoryFlows(dataDocs: Map<string, unknown>): FlowPersistence {
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
      for (const key of [...dataDocs.keys()]) if (key.startsWith(`${flowId}\u0000`)) dataDocs.delete(key)
    },
  }
}
