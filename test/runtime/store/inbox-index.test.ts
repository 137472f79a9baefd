/**
 * The inbox index's newer paths: claimed tasks per person, unclaimed-only
 * pages, due-time ranges counted by rank, and the delivery work list.
 */
import { describe, expect, it } from 'vitest'
import { emptyState, type RunState, type TaskState } from '../../../runtime/engine/state.js'
import { RunIndex } from '../../../runtime/store/run-index.js'
import { SortedList } from '../../../runtime/store/sorted-list.js'

const iso = (minute: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + minute * 60_000).toISOString()

function run(n: number, task: Partial<TaskState> = {}): RunState {
  const runId = `r_${String(n).padStart(5, '0')}`
  const state = emptyState(runId)
  Object.assign(state, { flowId: 'f', flowVersion: 1, status: 'waiting', createdAt: iso(n), updatedAt: iso(n), lastSeq: 4 })
  state.tasks[`t_${n}`] = {
    id: `t_${n}`,
    runId,
    flowId: 'f',
    flowVersion: 1,
    nodeId: 'review',
    exec: 'review@2',
    title: `Task ${n}`,
    role: n % 2 ? 'odd' : 'even',
    decisions: ['approve'],
    show: {},
    form: [],
    dueAt: iso(100 + n),
    requiredApprovals: 1,
    approvalDecisions: ['approve'],
    status: 'open',
    createdAt: iso(n),
    approvals: [],
    ...task,
  }
  return state
}

function indexOf(n: number, claimed: (i: number) => string | undefined = () => undefined): RunIndex {
  const index = new RunIndex()
  for (let i = 0; i < n; i++) index.put(run(i, { assignee: claimed(i) }))
  return index
}

const ids = (r: { items: TaskState[] }) => r.items.map((t) => t.id)

describe('the inbox index', () => {
  it('counts tasks in a due-time range exactly, by rank', () => {
    const index = indexOf(1000)
    const r = index.queryTasks({ status: 'open', dueAfter: iso(200), dueBefore: iso(300), limit: 5 })
    expect(r.total).toBe(100)
    expect(ids(r)).toEqual(['t_100', 't_101', 't_102', 't_103', 't_104'])
    expect(index.queryTasks({ status: 'open', roles: ['odd'], dueBefore: iso(110), limit: 50 }).total).toBe(5)
  })

  it('leaves tasks without a due time out of a due range', () => {
    const index = new RunIndex()
    index.put(run(1, { dueAt: undefined }))
    index.put(run(2))
    expect(ids(index.queryTasks({ status: 'open', dueAfter: iso(0) }))).toEqual(['t_2'])
  })

  it('lists one person’s claimed tasks and keeps them off the unclaimed page', () => {
    const index = indexOf(100, (i) => (i % 10 === 0 ? 'rita' : undefined))
    const mine = index.queryTasks({ status: 'open', assignee: 'rita', limit: 50 })
    expect(mine.total).toBe(10)
    expect(ids(mine).slice(0, 2)).toEqual(['t_0', 't_10'])
    const free = index.queryTasks({ status: 'open', assignee: null, limit: 200 })
    expect(free.total).toBe(90)
    expect(free.items.every((t) => t.assignee === undefined)).toBe(true)
    expect(index.queryTasks({ status: 'open', roles: ['even'], assignee: null, limit: 1 }).total).toBe(40)
  })

  it('moves a task off a person’s list when it is released', () => {
    const index = new RunIndex()
    index.put(run(1, { assignee: 'rita' }))
    index.put(run(1))
    expect(index.queryTasks({ status: 'open', assignee: 'rita' }).total).toBe(0)
    expect(index.queryTasks({ status: 'open', assignee: null }).total).toBe(1)
  })

  it('lists the deliveries channels still owe, oldest message first, and forgets them once delivered', () => {
    const index = new RunIndex()
    const state = run(1)
    state.deliveries = {
      m_2: { pending: ['webhook'], attempts: { webhook: 1 }, retryAt: { webhook: '2025-01-01T00:00:10.000Z' } },
      m_1: { pending: ['smtp', 'webhook'], attempts: {} },
    }
    index.put(state)
    expect(index.pendingDeliveries(10)).toEqual([
      { runId: state.id, messageId: 'm_1', channel: 'smtp', attempts: 0 },
      { runId: state.id, messageId: 'm_1', channel: 'webhook', attempts: 0 },
      { runId: state.id, messageId: 'm_2', channel: 'webhook', attempts: 1, retryAt: '2025-01-01T00:00:10.000Z' },
    ])
    state.deliveries = {}
    index.put(state)
    expect(index.pendingDeliveries(10)).toEqual([])
  })
})

describe('a sorted list’s rank', () => {
  it('counts the keys below a key across chunks', () => {
    const list = new SortedList<number>()
    for (let i = 0; i < 5000; i++) list.insert(String(i).padStart(5, '0'), i)
    expect(list.rank('00000')).toBe(0)
    expect(list.rank('02500')).toBe(2500)
    expect(list.rank('02500x')).toBe(2501)
    expect(list.rank('99999')).toBe(5000)
    expect(new SortedList().rank('a')).toBe(0)
  })
})
