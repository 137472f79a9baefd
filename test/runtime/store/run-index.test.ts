/**
 * The run index on its own: inbox paging and sorting, and that one page of
 * 100,000 open tasks is answered without sorting them all.
 */
import { describe, expect, it } from 'vitest'
import { emptyState, type RunState, type TaskState } from '../../../runtime/engine/state.js'
import { RunIndex } from '../../../runtime/store/run-index.js'

const ROLES = ['credit-officer', 'lawyer', 'agent', 'supervisor']

function stateWithTask(n: number, overrides: Partial<TaskState> = {}): RunState {
  const runId = `r_${String(n).padStart(7, '0')}`
  const state = emptyState(runId)
  Object.assign(state, { flowId: n % 2 ? 'loan' : 'legal', flowVersion: 1, status: 'waiting', createdAt: iso(n), updatedAt: iso(n), lastSeq: 5 })
  const task: TaskState = {
    id: `t_${runId}`,
    runId,
    flowId: state.flowId,
    flowVersion: 1,
    nodeId: 'review',
    exec: 'review#1',
    title: 'Review',
    role: ROLES[n % ROLES.length],
    decisions: ['approve', 'reject'],
    show: {},
    form: [],
    dueAt: n % 10 === 0 ? undefined : iso((n * 7919) % 100_000),
    requiredApprovals: 1,
    approvalDecisions: ['approve'],
    status: 'open',
    createdAt: iso(n),
    approvals: [],
    ...overrides,
  }
  state.tasks[task.id] = task
  return state
}

function iso(second: number): string {
  return new Date(Date.parse('2025-01-01T00:00:00.000Z') + second * 1000).toISOString()
}

function p95(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]
}

describe('run index', () => {
  it('pages tasks sorted by creation with a total that counts every match', () => {
    const index = new RunIndex()
    for (let n = 0; n < 40; n++) index.put(stateWithTask(n))
    const page = index.queryTasks({ roles: ['lawyer'], sort: 'created', offset: 2, limit: 3 })
    expect(page.items.map((t) => t.runId)).toEqual(['r_0000009', 'r_0000013', 'r_0000017'])
    expect(page.total).toBe(10)
    const filtered = index.queryTasks({ roles: ['lawyer'], flowId: 'loan', sort: 'created', limit: 2 })
    expect(filtered).toMatchObject({ total: 10, items: [{ runId: 'r_0000001' }, { runId: 'r_0000005' }] })
    expect(index.queryTasks({ flowId: 'legal' }).total).toBe(20)
  })

  it('counts tasks of every status when no status is asked for', () => {
    const index = new RunIndex()
    index.put(stateWithTask(1))
    index.put(stateWithTask(2, { status: 'decided' }))
    index.put(stateWithTask(3, { status: 'closed' }))
    expect(index.queryTasks({}).total).toBe(3)
    expect(index.queryTasks({ status: 'closed' }).items.map((t) => t.runId)).toEqual(['r_0000003'])
  })

  it('treats a role asked for twice as once', () => {
    const index = new RunIndex()
    index.put(stateWithTask(1))
    expect(index.queryTasks({ roles: ['lawyer', 'lawyer'] })).toMatchObject({ total: 1, items: [{ runId: 'r_0000001' }] })
  })

  it('keeps its own copies, so later changes to a state it indexed do not leak in', () => {
    const index = new RunIndex()
    const state = stateWithTask(1)
    index.put(state)
    state.tasks['t_r_0000001'].status = 'decided'
    expect(index.queryTasks({ status: 'open' }).total).toBe(1)
  })

  it('moves a run between status lists when its status changes', () => {
    const index = new RunIndex()
    const state = stateWithTask(1)
    index.put(state)
    index.put({ ...state, status: 'completed', outcome: 'approved', lastSeq: 6 })
    expect(index.listRuns({ status: 'waiting' })).toEqual([])
    expect(index.listRuns({ status: 'completed' })).toMatchObject([{ id: 'r_0000001', outcome: 'approved' }])
    expect(index.lastSeq('r_0000001')).toBe(6)
  })

  // How fast is measured by `npm run bench -- inbox`, not here: timings flake on a shared machine.
  it('pages 100,000 open tasks by role and due time with the right totals, in due order', () => {
    const index = new RunIndex()
    for (let n = 0; n < 100_000; n++) index.put(stateWithTask(n), [], { adopt: true })
    const timings: number[] = []
    const filtered: number[] = []
    const dueSoon: number[] = []
    let first: TaskState[] = []
    for (let i = 0; i < 200; i++) {
      const role = ROLES[i % ROLES.length]
      const offset = (i * 37) % 2_000
      let t = performance.now()
      const page = index.queryTasks({ status: 'open', roles: [role], sort: 'due', offset, limit: 50 })
      timings.push(performance.now() - t)
      if (i === 0) first = page.items
      expect(page.items).toHaveLength(50)
      expect(page.total).toBe(25_000)
      t = performance.now()
      index.queryTasks({ status: 'open', roles: [role], flowId: 'loan', sort: 'due', offset, limit: 50 })
      filtered.push(performance.now() - t)
      t = performance.now()
      const soon = index.queryTasks({ status: 'open', roles: [role], dueBefore: iso(50_000), sort: 'created', offset, limit: 50 })
      dueSoon.push(performance.now() - t)
      expect(soon.items.every((task) => task.dueAt! < iso(50_000))).toBe(true)
    }
    const dues = first.map((task) => task.dueAt ?? '\uffff')
    expect(dues).toEqual([...dues].sort())
    console.info(`inbox query over 100,000 open tasks: p95 ${p95(timings).toFixed(3)} ms by role; ${p95(filtered).toFixed(3)} ms by role and flow; ${p95(dueSoon).toFixed(3)} ms by role due before a time, sorted by creation (full scan)`)
  })
})
