/**
 * The flow half of the Store port, shared by both stores: drafts, published
 * versions (frozen, immutable) and the summaries the designer lists. One
 * record per flow (draft + version list) and one document per version, held
 * by a persistence: a Map, or one durable file each.
 */
import { createHash } from 'node:crypto'
import type { Flow } from '../../node-types/flow/schema.js'
import type { FlowStore, FlowSummary, FlowVersionInfo } from '../engine/store.js'
import { StoreError, assertSafeId } from './errors.js'

/** Everything about one flow except its published versions' bodies. */
export interface FlowRecord {
  id: string
  draft: Flow
  updatedAt: string
  updatedBy: string
  /** Hash of the draft and of the latest version (both without `version`), to tell if they differ. */
  draftHash: string
  publishedHash?: string
  versions: FlowVersionInfo[]
}

export interface FlowPersistence {
  saveRecord(record: FlowRecord): Promise<void>
  saveVersion(flowId: string, version: number, flow: Flow): Promise<void>
  readVersion(flowId: string, version: number): Promise<Flow | undefined>
  remove(flowId: string): Promise<void>
}

const VERSION_CACHE = 500

/**
 * `stored` are the records found at open; `now` stamps drafts and versions
 * (the only time the store supplies itself).
 */
export function createFlowRepo(persistence: FlowPersistence, stored: FlowRecord[], now: () => string): FlowStore & { idle(): Promise<void> } {
  const records = new Map(stored.map((r) => [r.id, r]))
  const versions = new Map<string, Flow>()
  let queue: Promise<unknown> = Promise.resolve()
  // Writes run one at a time so two publishes never take the same number.
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    /** Resolves once every write started so far is done. */
    async idle() {
      await queue
    },
    async listFlows(): Promise<FlowSummary[]> {
      return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(summarize)
    },
    async getDraft(flowId) {
      const r = records.get(flowId)
      return r && { flow: structuredClone(r.draft), updatedAt: r.updatedAt, updatedBy: r.updatedBy }
    },
    async saveDraft(flowId, flow, by) {
      assertSafeId('flow', flowId)
      if (flow.id !== flowId) throw new StoreError('FLOW_ID_MISMATCH', `the flow's id is "${flow.id}" but it is saved as "${flowId}"; make them equal`)
      return exclusive(async () => {
        const old = records.get(flowId)
        const draft = structuredClone(flow)
        const record: FlowRecord = {
          id: flowId,
          draft,
          updatedAt: now(),
          updatedBy: by,
          draftHash: contentHash(draft),
          publishedHash: old?.publishedHash,
          versions: old?.versions ?? [],
        }
        await persistence.saveRecord(record)
        records.set(flowId, record)
      })
    },
    deleteFlow(flowId) {
      return exclusive(async () => {
        if (!records.has(flowId)) return false
        await persistence.remove(flowId)
        records.delete(flowId)
        for (const key of [...versions.keys()]) if (key.startsWith(`${flowId}@`)) versions.delete(key)
        return true
      })
    },
    publish(flowId, by, note) {
      return exclusive(async () => {
        const old = records.get(flowId)
        if (!old) throw new StoreError('FLOW_NOT_FOUND', `flow ${flowId} does not exist; save a draft before publishing`)
        const version = (old.versions.at(-1)?.version ?? 0) + 1
        const frozen: Flow = { ...structuredClone(old.draft), version }
        const at = now()
        const info: FlowVersionInfo = { version, publishedAt: at, publishedBy: by, ...(note !== undefined ? { note } : {}) }
        // Version first: a crash before the record is saved leaves an unused file, never a dangling reference.
        await persistence.saveVersion(flowId, version, frozen)
        const hash = contentHash(frozen)
        const record: FlowRecord = { ...old, draft: frozen, updatedAt: at, draftHash: hash, publishedHash: hash, versions: [...old.versions, info] }
        await persistence.saveRecord(record)
        records.set(flowId, record)
        return version
      })
    },
    async listVersions(flowId) {
      return structuredClone(records.get(flowId)?.versions ?? [])
    },
    async latestVersion(flowId) {
      return records.get(flowId)?.versions.at(-1)?.version
    },
    async getVersion(flowId, version) {
      const known = records.get(flowId)?.versions.some((v) => v.version === version)
      if (!known) return undefined
      const key = `${flowId}@${version}`
      let flow = versions.get(key)
      if (!flow) {
        flow = await persistence.readVersion(flowId, version)
        if (!flow) return undefined
        if (versions.size >= VERSION_CACHE) versions.delete(versions.keys().next().value as string)
        versions.set(key, flow)
      }
      return structuredClone(flow)
    },
  }
}

function summarize(r: FlowRecord): FlowSummary {
  return {
    id: r.id,
    name: r.draft.name,
    description: r.draft.description,
    latestVersion: r.versions.at(-1)?.version ?? 0,
    updatedAt: r.updatedAt,
    hasDraftChanges: r.publishedHash === undefined || r.publishedHash !== r.draftHash,
  }
}

/** Hash of a flow's content, ignoring `version` and key order. */
export function contentHash(flow: Flow): string {
  return createHash('sha256').update(canonicalJson({ ...flow, version: 0 })).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
