/**
 * Flows, their frozen versions and per-flow documents on PostgreSQL. Every
 * read goes to the database, so a draft saved or a version published by one
 * process is what every other process serves next. Two publishes of one
 * flow serialise on its row and get distinct numbers.
 */
import type { Flow } from '../../../node-types/flow/schema.js'
import type { FlowDataStore, FlowStore, FlowVersionInfo } from '../../engine/store.js'
import { StoreError, assertSafeId } from '../errors.js'
import { contentHash } from '../flow-repo.js'
import type { Sql } from './connect.js'

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]{0,119}$/

interface VersionRow {
  version: number
  published_at: string
  published_by: string
  note: string | null
}

export function createPgFlowStore(sql: Sql, now: () => string): FlowStore {
  return {
    async listFlows() {
      const rows = await sql<{ flow_id: string; name: string; description: string; updated_at: string; latest: number | null; changed: boolean }[]>`
        select f.flow_id, f.draft->>'name' as name, f.draft->>'description' as description, f.updated_at,
               (select max(version) from flow_versions v where v.flow_id = f.flow_id) as latest,
               (f.published_hash is null or f.published_hash <> f.draft_hash) as changed
        from flows f order by f.flow_id`
      return rows.map((r) => ({ id: r.flow_id, name: r.name, description: r.description, latestVersion: r.latest ?? 0, updatedAt: r.updated_at, hasDraftChanges: r.changed }))
    },
    async getDraft(flowId) {
      const [r] = await sql<{ draft: Flow; updated_at: string; updated_by: string }[]>`select draft, updated_at, updated_by from flows where flow_id = ${flowId}`
      return r && { flow: r.draft, updatedAt: r.updated_at, updatedBy: r.updated_by }
    },
    async saveDraft(flowId, flow, by) {
      assertSafeId('flow', flowId)
      if (flow.id !== flowId) throw new StoreError('FLOW_ID_MISMATCH', `the flow's id is "${flow.id}" but it is saved as "${flowId}"; make them equal`)
      await sql`
        insert into flows (flow_id, draft, updated_at, updated_by, draft_hash)
        values (${flowId}, ${JSON.stringify(flow)}::text::json, ${now()}, ${by}, ${contentHash(flow)})
        on conflict (flow_id) do update set draft = excluded.draft, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by, draft_hash = excluded.draft_hash`
    },
    async deleteFlow(flowId) {
      return sql.begin(async (tx) => {
        const deleted = await tx`delete from flows where flow_id = ${flowId}`
        await tx`delete from flow_data where flow_id = ${flowId}`
        return deleted.count > 0
      }) as Promise<boolean>
    },
    async publish(flowId, by, note) {
      return sql.begin(async (tx) => {
        const [row] = await tx<{ draft: Flow }[]>`select draft from flows where flow_id = ${flowId} for update`
        if (!row) throw new StoreError('FLOW_NOT_FOUND', `flow ${flowId} does not exist; save a draft before publishing`)
        const [{ latest }] = await tx<{ latest: number | null }[]>`select max(version) as latest from flow_versions where flow_id = ${flowId}`
        const version = (latest ?? 0) + 1
        const frozen: Flow = { ...row.draft, version }
        const hash = contentHash(frozen)
        const at = now()
        await tx`insert into flow_versions (flow_id, version, flow, published_at, published_by, note)
                 values (${flowId}, ${version}, ${JSON.stringify(frozen)}::text::json, ${at}, ${by}, ${note ?? null})`
        await tx`update flows set draft = ${JSON.stringify(frozen)}::text::json, updated_at = ${at}, draft_hash = ${hash}, published_hash = ${hash}
                 where flow_id = ${flowId}`
        return version
      }) as Promise<number>
    },
    async listVersions(flowId) {
      const rows = await sql<VersionRow[]>`select version, published_at, published_by, note from flow_versions where flow_id = ${flowId} order by version`
      return rows.map((r): FlowVersionInfo => ({ version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, ...(r.note !== null ? { note: r.note } : {}) }))
    },
    async latestVersion(flowId) {
      const [r] = await sql<{ latest: number | null }[]>`select max(version) as latest from flow_versions where flow_id = ${flowId}`
      return r.latest ?? undefined
    },
    async getVersion(flowId, version) {
      const [r] = await sql<{ flow: Flow }[]>`select flow from flow_versions where flow_id = ${flowId} and version = ${version}`
      return r?.flow
    },
  }
}

export function createPgFlowData(sql: Sql): FlowDataStore {
  const check = (flowId: string, key: string): void => {
    assertSafeId('flow', flowId)
    if (!SAFE_KEY.test(key)) throw new StoreError('BAD_ID', `flow data key ${JSON.stringify(key)} is not valid: use lowercase letters, digits, ".", "_" or "-"`)
  }
  return {
    async get(flowId, key) {
      check(flowId, key)
      const [r] = await sql<{ value: unknown }[]>`select value from flow_data where flow_id = ${flowId} and key = ${key}`
      return r?.value
    },
    async put(flowId, key, value) {
      check(flowId, key)
      await sql`insert into flow_data (flow_id, key, value) values (${flowId}, ${key}, ${JSON.stringify(value)}::text::json)
                on conflict (flow_id, key) do update set value = excluded.value`
    },
  }
}
