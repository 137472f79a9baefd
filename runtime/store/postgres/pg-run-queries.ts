/** The RunStore's lookups on PostgreSQL: run lists, keys, the inbox, customer requests, the outbox — each one indexed query. */
import type { RequestState, TaskState } from '../../engine/state.js'
import type { OutboxMessage, RunStore, RunSummary } from '../../engine/store.js'
import type { Sql } from './connect.js'

type Queries = Pick<
  RunStore,
  'listRuns' | 'countRuns' | 'runIdForIdempotencyKey' | 'runIdForTask' | 'queryTasks' | 'requestByTokenHash' | 'listOutbox'
>

interface RunRow {
  run_id: string
  flow_id: string
  flow_version: number
  status: RunSummary['status']
  test: boolean
  outcome: string | null
  created_at: string
  updated_at: string
}

export function runQueries(sql: Sql): Queries {
  const none = sql``
  return {
    async listRuns(q) {
      const limit = q.limit === undefined ? 100 : Math.max(0, q.limit)
      if (limit === 0) return []
      const rows = await sql<RunRow[]>`
        select run_id, flow_id, flow_version, status, test, outcome, created_at, updated_at from runs
        where true
          ${q.flowId !== undefined ? sql`and flow_id = ${q.flowId}` : none}
          ${q.status !== undefined ? sql`and status = ${q.status}` : none}
          ${q.before !== undefined ? sql`and run_id < ${q.before}` : none}
        order by run_id desc
        ${Number.isFinite(limit) ? sql`limit ${limit}` : none}`
      return rows.map(summary)
    },
    async countRuns() {
      const [{ n }] = await sql<{ n: string }[]>`select count(*) as n from runs`
      return Number(n)
    },
    async runIdForIdempotencyKey(flowId, key) {
      const [row] = await sql<{ run_id: string }[]>`select run_id from runs where flow_id = ${flowId} and idempotency_key = ${key}`
      return row?.run_id
    },
    async runIdForTask(taskId) {
      const [row] = await sql<{ run_id: string }[]>`select run_id from tasks where task_id = ${taskId}`
      return row?.run_id
    },
    async queryTasks(q) {
      const where = sql`where true
        ${q.status !== undefined ? sql`and status = ${q.status}` : none}
        ${q.roles !== undefined ? sql`and role = any(${q.roles}::text[])` : none}
        ${q.flowId !== undefined ? sql`and flow_id = ${q.flowId}` : none}
        ${q.runId !== undefined ? sql`and run_id = ${q.runId}` : none}
        ${q.assignee === null ? sql`and assignee is null` : q.assignee !== undefined ? sql`and assignee = ${q.assignee}` : none}
        ${q.dueBefore !== undefined ? sql`and due_at < ${q.dueBefore}` : none}
        ${q.dueAfter !== undefined ? sql`and due_at >= ${q.dueAfter}` : none}`
      const order = (q.sort ?? 'due') === 'due' ? sql`order by due_at, created_at, task_id` : sql`order by created_at, task_id`
      const limit = Math.max(0, q.limit ?? 50)
      const offset = Math.max(0, q.offset ?? 0)
      const [items, [{ n }]] = await Promise.all([
        limit === 0 ? [] : sql<{ task: TaskState }[]>`select task from tasks ${where} ${order} limit ${limit} offset ${offset}`,
        sql<{ n: string }[]>`select count(*) as n from tasks ${where}`,
      ])
      return { items: items.map((r) => r.task), total: Number(n) }
    },
    async requestByTokenHash(tokenHash) {
      const [row] = await sql<{ request: RequestState }[]>`select request from requests where token_hash = ${tokenHash}`
      return row?.request
    },
    async listOutbox(q) {
      const limit = Math.max(0, q.limit ?? 100)
      if (limit === 0) return []
      const rows = await sql<{ message: OutboxMessage }[]>`
        select message from outbox
        where true
          ${q.runId !== undefined ? sql`and run_id = ${q.runId}` : none}
          ${q.flowId !== undefined ? sql`and flow_id = ${q.flowId}` : none}
          ${q.purpose !== undefined ? sql`and purpose = ${q.purpose}` : none}
          ${q.to !== undefined ? sql`and recipient = ${q.to}` : none}
          ${q.before !== undefined ? sql`and created_at < ${q.before}` : none}
        order by created_at desc, run_id desc, message_id desc
        limit ${limit}`
      return rows.map((r) => r.message).reverse()
    },
  }
}

function summary(r: RunRow): RunSummary {
  const s: RunSummary = {
    id: r.run_id,
    flowId: r.flow_id,
    flowVersion: r.flow_version,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    test: r.test,
  }
  if (r.outcome !== null) s.outcome = r.outcome
  return s
}
