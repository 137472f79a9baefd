/**
 * The inbox with 100,000 open tasks stored: one page of 50, filtered by a
 * reviewer's groups and sorted by due time, read through the store as the
 * HTTP route reads it. Also the unclaimed-only page, "my tasks" and the
 * overdue page, which use the other paths of the index.
 *
 * Standalone: `node --import tsx bench/inbox.ts`
 */
import type { RunEvent } from '../runtime/engine/events.js'
import { deriveState } from '../runtime/engine/state.js'
import type { Store, TaskQuery } from '../runtime/engine/store.js'
import { startServer } from '../runtime/server.js'

const GROUPS = Array.from({ length: 20 }, (_, i) => `group-${i}`)
const FLOWS = Array.from({ length: 10 }, (_, i) => `flow-${i}`)
const HOUR = 3_600_000

export interface InboxBench {
  tasks: number
  fillMs: number
  groupPageP95Ms: number
  groupPageP50Ms: number
  unclaimedPageP95Ms: number
  mineP95Ms: number
  overdueP95Ms: number
  /** GET /api/tasks?group=…&status=open&sort=due&limit=50 over loopback, signed in with a key. */
  httpPageP95Ms: number
}

const KEY = 'bench-inbox-admin-key-0123456789abcdef'

export async function benchInbox(tasks = 100_000, queries = 400): Promise<InboxBench> {
  const server = await startServer({ port: 0, memory: true, examples: false, apiKey: KEY, adminPassword: 'bench-admin-password', passwordCost: 10 })
  const store = server.store
  const t0 = Date.now()
  const filled = performance.now()
  for (let batch = 0; batch < tasks; batch += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, tasks - batch) }, (_, k) => addRun(store, batch + k, t0)))
  }
  const fillMs = performance.now() - filled
  const now = new Date(t0 + 50 * HOUR).toISOString()
  const pick = (i: number) => [GROUPS[i % GROUPS.length], GROUPS[(i * 7 + 3) % GROUPS.length]]
  const time = async (query: (i: number) => TaskQuery) => {
    const ms: number[] = []
    for (let i = 0; i < queries; i++) {
      const started = performance.now()
      const { items } = await store.runs.queryTasks(query(i))
      ms.push(performance.now() - started)
      if (items.length === 0) throw new Error('the inbox query found nothing; the bench is not measuring a page')
    }
    ms.sort((a, b) => a - b)
    return { p50: ms[Math.floor(ms.length * 0.5)], p95: ms[Math.floor(ms.length * 0.95)] }
  }
  const group = await time((i) => ({ status: 'open', roles: pick(i), sort: 'due', limit: 50 }))
  const unclaimed = await time((i) => ({ status: 'open', roles: pick(i), assignee: null, sort: 'due', limit: 50 }))
  const mine = await time((i) => ({ status: 'open', assignee: `reviewer-${i % 100}`, sort: 'due', limit: 50 }))
  const overdue = await time((i) => ({ status: 'open', roles: pick(i), dueBefore: now, sort: 'due', limit: 50 }))
  const http: number[] = []
  for (let i = 0; i < queries; i++) {
    const started = performance.now()
    const res = await fetch(`${server.url}/api/tasks?status=open&group=${pick(i)[0]}&sort=due&limit=50`, { headers: { authorization: `Bearer ${KEY}` } })
    const page = (await res.json()) as unknown[]
    http.push(performance.now() - started)
    if (page.length !== 50) throw new Error(`GET /api/tasks answered ${res.status} with ${page.length} tasks`)
  }
  http.sort((a, b) => a - b)
  await server.close()
  return {
    tasks,
    fillMs,
    groupPageP50Ms: group.p50,
    groupPageP95Ms: group.p95,
    unclaimedPageP95Ms: unclaimed.p95,
    mineP95Ms: mine.p95,
    overdueP95Ms: overdue.p95,
    httpPageP95Ms: http[Math.floor(http.length * 0.95)],
  }
}

/** One waiting run with one open task; every 50th is claimed by one of 100 reviewers. */
async function addRun(store: Store, i: number, t0: number): Promise<void> {
  const runId = `r_bench${String(i).padStart(7, '0')}`
  const at = new Date(t0 + i).toISOString()
  const exec = 'review@2'
  const base = { at }
  const events = [
    { ...base, seq: 1, type: 'run.started', flowId: FLOWS[i % FLOWS.length], flowVersion: 1, input: { n: i }, params: {} },
    { ...base, seq: 2, type: 'node.entered', nodeId: 'review', exec, input: {} },
    { ...base, seq: 3, type: 'node.waiting', nodeId: 'review', exec, state: {} },
    {
      ...base,
      seq: 4,
      type: 'task.created',
      taskId: `t_bench${String(i).padStart(7, '0')}`,
      nodeId: 'review',
      exec,
      title: `Case ${i}`,
      role: GROUPS[(i * 13) % GROUPS.length],
      decisions: ['approve', 'reject'],
      show: {},
      form: [],
      dueAt: new Date(t0 + ((i * 7919) % 100_000) * 6_000).toISOString(),
      requiredApprovals: 1,
      approvalDecisions: ['approve'],
    },
    ...(i % 50 === 0 ? [{ ...base, seq: 5, type: 'task.claimed', taskId: `t_bench${String(i).padStart(7, '0')}`, by: `reviewer-${(i / 50) % 100}` }] : []),
  ] as RunEvent[]
  await store.runs.appendRun(runId, events, deriveState(runId, events))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchInbox())
}
