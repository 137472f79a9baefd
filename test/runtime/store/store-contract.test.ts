/**
 * The Store contract, run against both stores: whatever the engine and the
 * HTTP layer may rely on behaves the same in memory and on disk.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../runtime/engine/store.js'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { openLowdbStore } from '../../../runtime/store/lowdb/lowdb-store.js'
import { openTask, runLog, simpleRun, started } from './fixtures/run-log.js'
import { sampleFlow } from './fixtures/flows.js'
import { removeTempDirs, tempDir } from './fixtures/temp-dir.js'

const clock = (): (() => string) => {
  let t = Date.parse('2025-02-01T00:00:00.000Z')
  return () => new Date((t += 1000)).toISOString()
}

const stores: [string, () => Promise<Store>][] = [
  ['memory store', async () => createMemoryStore({ now: clock() })],
  ['lowdb store', async () => openLowdbStore(await tempDir(), { now: clock() })],
]

afterAll(removeTempDirs)

describe.each(stores)('%s', (_name, open) => {
  let store: Store
  beforeEach(async () => {
    store = await open()
  })
  afterEach(async () => {
    await store.close()
  })

  describe('runs', () => {
    it('returns the state derived from the appended events', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      const state = await store.runs.getRun('r_1')
      expect(state).toEqual(log.state())
      expect(state?.status).toBe('waiting')
    })

    it('hands out copies, so mutating a returned state changes nothing stored', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      const state = await store.runs.getRun('r_1')
      state!.status = 'failed'
      state!.tasks['t-r_1'].role = 'nobody'
      expect((await store.runs.getRun('r_1'))?.status).toBe('waiting')
      expect((await store.runs.queryTasks({ roles: ['credit-officer'] })).total).toBe(1)
    })

    it('is not affected when a caller changes the events it was handed back', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      const read = await store.runs.getEvents('r_1')
      read![0].at = 'changed'
      expect((await store.runs.getEvents('r_1'))?.[0].at).not.toBe('changed')
    })

    it('appends later events to the same run and returns events after a seq', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.decided', taskId: 't-r_1', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
      await store.runs.appendRun(log.runId, log.take(), log.state())
      const after = await store.runs.getEvents('r_1', 5)
      expect(after?.map((e) => e.type)).toEqual(['task.decided'])
      expect((await store.runs.getRun('r_1'))?.tasks['t-r_1'].status).toBe('decided')
    })

    it('rejects an append whose first seq does not follow the stored log, and stores nothing of it', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      const stale = runLog('r_1')
      started(stale)
      await expect(store.runs.appendRun('r_1', stale.take(), stale.state())).rejects.toMatchObject({ code: 'SEQ_CONFLICT' })
      expect((await store.runs.getEvents('r_1'))?.length).toBe(5)
    })

    it('rejects a new run whose log does not start at seq 1', async () => {
      const log = simpleRun('r_1')
      const events = log.take().slice(1)
      await expect(store.runs.appendRun('r_1', events, log.state())).rejects.toMatchObject({ code: 'SEQ_CONFLICT' })
      expect(await store.runs.getRun('r_1')).toBeUndefined()
      expect(store.runs.countRuns()).toBe(0)
    })

    it('rejects a run id that is not safe as a file name', async () => {
      const log = simpleRun('../evil')
      await expect(store.runs.appendRun('../evil', log.take(), log.state())).rejects.toMatchObject({ code: 'BAD_ID' })
    })

    it('rejects an outbox message that belongs to another run', async () => {
      const log = simpleRun('r_1')
      const message = { ...log.message({ id: 'm1' }), runId: 'r_2' }
      await expect(store.runs.appendRun('r_1', log.take(), log.state(), [message])).rejects.toMatchObject({ code: 'BAD_APPEND' })
    })

    it('answers undefined for a run it does not know', async () => {
      expect(await store.runs.getRun('r_missing')).toBeUndefined()
      expect(await store.runs.getEvents('r_missing')).toBeUndefined()
    })

    it('lands every one of many concurrent appends to different runs', async () => {
      const logs = Array.from({ length: 50 }, (_, i) => simpleRun(`r_${String(i).padStart(3, '0')}`))
      await Promise.all(logs.map((log) => store.runs.appendRun(log.runId, log.take(), log.state())))
      expect(store.runs.countRuns()).toBe(50)
      expect((await store.runs.queryTasks({ status: 'open' })).total).toBe(50)
    })

    it('lists runs newest first, filtered by flow and status, paged with before', async () => {
      for (const [id, flowId] of [['r_a', 'loan'], ['r_b', 'legal'], ['r_c', 'loan'], ['r_d', 'loan']]) {
        const log = runLog(id)
        started(log, { flowId })
        if (id === 'r_c') log.add({ type: 'run.completed', outcome: 'approved', output: {} })
        await store.runs.appendRun(id, log.take(), log.state())
      }
      const ids = async (q: Parameters<Store['runs']['listRuns']>[0]) => (await store.runs.listRuns(q)).map((r) => r.id)
      expect(await ids({})).toEqual(['r_d', 'r_c', 'r_b', 'r_a'])
      expect(await ids({ flowId: 'loan' })).toEqual(['r_d', 'r_c', 'r_a'])
      expect(await ids({ flowId: 'loan', status: 'running' })).toEqual(['r_d', 'r_a'])
      expect(await ids({ limit: 2 })).toEqual(['r_d', 'r_c'])
      expect(await ids({ before: 'r_c', limit: 2 })).toEqual(['r_b', 'r_a'])
      expect((await store.runs.listRuns({ status: 'completed' }))[0]).toMatchObject({ id: 'r_c', outcome: 'approved', flowId: 'loan' })
    })

    it('finds a run by its flow and idempotency key', async () => {
      const log = runLog('r_1')
      started(log, { flowId: 'loan', idempotencyKey: 'order-7' })
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect(store.runs.runIdForIdempotencyKey('loan', 'order-7')).toBe('r_1')
      expect(store.runs.runIdForIdempotencyKey('legal', 'order-7')).toBeUndefined()
    })
  })

  describe('tasks', () => {
    it('finds the run of a task', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      expect(store.runs.runIdForTask('t-r_1')).toBe('r_1')
      expect(store.runs.runIdForTask('t-unknown')).toBeUndefined()
    })

    it('answers an inbox query by role sorted by due time, tasks without a due time last', async () => {
      const dues = { r_1: '2025-03-03T00:00:00.000Z', r_2: undefined, r_3: '2025-03-01T00:00:00.000Z', r_4: '2025-03-02T00:00:00.000Z' }
      for (const [id, dueAt] of Object.entries(dues)) {
        const log = simpleRun(id, { dueAt, role: id === 'r_4' ? 'lawyer' : 'credit-officer' })
        await store.runs.appendRun(id, log.take(), log.state())
      }
      const page = await store.runs.queryTasks({ status: 'open', roles: ['credit-officer'], sort: 'due' })
      expect(page.items.map((t) => t.runId)).toEqual(['r_3', 'r_1', 'r_2'])
      expect(page.total).toBe(3)
      const both = await store.runs.queryTasks({ roles: ['credit-officer', 'lawyer'], limit: 2, offset: 1 })
      expect(both.items.map((t) => t.runId)).toEqual(['r_4', 'r_1'])
      expect(both.total).toBe(4)
    })

    it('moves a decided task out of the open inbox', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.decided', taskId: 't-r_1', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
      await store.runs.appendRun(log.runId, log.take(), log.state())
      expect((await store.runs.queryTasks({ status: 'open' })).total).toBe(0)
      const decided = await store.runs.queryTasks({ status: 'decided' })
      expect(decided.items[0]).toMatchObject({ id: 't-r_1', decision: { decision: 'approve', by: 'ann' } })
    })

    it('moves a reassigned task to the inbox of its new role', async () => {
      const log = simpleRun('r_1')
      await store.runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.reassigned', taskId: 't-r_1', role: 'supervisor', reason: 'deadline' })
      await store.runs.appendRun(log.runId, log.take(), log.state())
      expect((await store.runs.queryTasks({ roles: ['credit-officer'] })).total).toBe(0)
      expect((await store.runs.queryTasks({ roles: ['supervisor'] })).items.map((t) => t.id)).toEqual(['t-r_1'])
    })

    it('filters tasks by flow, run and due-before', async () => {
      for (const [id, flowId, dueAt] of [['r_1', 'loan', '2025-03-01T00:00:00.000Z'], ['r_2', 'legal', '2025-03-05T00:00:00.000Z']]) {
        const log = simpleRun(id, { flowId, dueAt })
        await store.runs.appendRun(id, log.take(), log.state())
      }
      expect((await store.runs.queryTasks({ flowId: 'legal' })).items.map((t) => t.runId)).toEqual(['r_2'])
      expect((await store.runs.queryTasks({ runId: 'r_1' })).items.map((t) => t.runId)).toEqual(['r_1'])
      const early = await store.runs.queryTasks({ dueBefore: '2025-03-02T00:00:00.000Z' })
      expect(early).toMatchObject({ total: 1, items: [{ runId: 'r_1' }] })
    })
  })

  describe('customer requests, timers and outbox', () => {
    it('finds an open customer request by the hash of its token', async () => {
      const log = runLog('r_1')
      started(log)
      log.add({ type: 'node.entered', nodeId: 'confirm', exec: 'c#1', input: {} })
      log.add({
        type: 'customer.requested',
        requestId: 'q1',
        nodeId: 'confirm',
        exec: 'c#1',
        tokenHash: 'hash-1',
        request: { to: 'a@b.c', subject: 'Confirm', message: 'Please', answers: ['confirm'], kind: 'confirm', expiresAt: '2025-04-01T00:00:00.000Z' },
      })
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect(await store.runs.requestByTokenHash('hash-1')).toMatchObject({ id: 'q1', runId: 'r_1', status: 'open' })
      log.add({ type: 'customer.answered', requestId: 'q1', answer: 'confirm', data: {} })
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect((await store.runs.requestByTokenHash('hash-1'))?.status).toBe('answered')
      expect(await store.runs.requestByTokenHash('hash-unknown')).toBeUndefined()
    })

    it('returns pending timers due by now, soonest first, and forgets fired ones', async () => {
      const log = runLog('r_1')
      started(log)
      for (const [timerId, fireAt] of [['late', '2025-05-03T00:00:00.000Z'], ['soon', '2025-05-01T00:00:00.000Z'], ['mid', '2025-05-02T00:00:00.000Z']]) {
        log.add({ type: 'timer.scheduled', timerId, nodeId: 'wait', exec: 'w#1', name: 'deadline', fireAt })
      }
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect(store.runs.nextTimerAt()).toBe('2025-05-01T00:00:00.000Z')
      expect(store.runs.dueTimers('2025-05-02T00:00:00.000Z', 10).map((t) => t.timerId)).toEqual(['soon', 'mid'])
      expect(store.runs.dueTimers('2025-05-09T00:00:00.000Z', 1)).toEqual([{ runId: 'r_1', timerId: 'soon', fireAt: '2025-05-01T00:00:00.000Z' }])
      log.add({ type: 'timer.fired', timerId: 'soon' })
      log.add({ type: 'timer.cancelled', timerId: 'mid' })
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect(store.runs.dueTimers('2025-05-09T00:00:00.000Z', 10).map((t) => t.timerId)).toEqual(['late'])
    })

    it('does not report timers of a finished run as due', async () => {
      const log = runLog('r_1')
      started(log)
      log.add({ type: 'timer.scheduled', timerId: 'x', nodeId: 'wait', exec: 'w#1', name: 'deadline', fireAt: '2025-05-01T00:00:00.000Z' })
      log.add({ type: 'run.cancelled', reason: 'test', by: 'ann' })
      await store.runs.appendRun('r_1', log.take(), log.state())
      expect(store.runs.dueTimers('2025-06-01T00:00:00.000Z', 10)).toEqual([])
      expect(store.runs.nextTimerAt()).toBeUndefined()
    })

    it('keeps outbox messages with their run and lists the newest across runs, oldest of them first', async () => {
      const a = simpleRun('r_a')
      await store.runs.appendRun('r_a', a.take(), a.state(), [a.message({ id: 'm1' })])
      const b = simpleRun('r_b')
      b.add({ type: 'message.sent', channel: 'outbox', to: 'x', subject: 'y', purpose: 'reminder' })
      await store.runs.appendRun('r_b', b.take(), b.state(), [b.message({ id: 'm2', createdAt: '2025-01-02T00:00:00.000Z' })])
      a.add({ type: 'message.sent', channel: 'outbox', to: 'x', subject: 'y', purpose: 'reminder' })
      await store.runs.appendRun('r_a', a.take(), a.state(), [a.message({ id: 'm3', createdAt: '2025-01-03T00:00:00.000Z' })])
      expect((await store.runs.listOutbox({ runId: 'r_a' })).map((m) => m.id)).toEqual(['m1', 'm3'])
      expect((await store.runs.listOutbox({})).map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
      expect((await store.runs.listOutbox({ limit: 2 })).map((m) => m.id)).toEqual(['m2', 'm3'])
    })
  })

  describe('flows', () => {
    it('saves a draft and lists it as changed until published', async () => {
      await store.flows.saveDraft('loan', sampleFlow(), 'ann')
      expect(await store.flows.listFlows()).toEqual([
        { id: 'loan', name: 'Loan approval', description: 'Approve small loans automatically', latestVersion: 0, updatedAt: expect.any(String), hasDraftChanges: true },
      ])
      expect(await store.flows.getDraft('loan')).toMatchObject({ flow: sampleFlow(), updatedBy: 'ann' })
    })

    it('publishes numbered, frozen versions that later drafts do not change', async () => {
      await store.flows.saveDraft('loan', sampleFlow(), 'ann')
      expect(await store.flows.publish('loan', 'bob', 'first')).toBe(1)
      expect((await store.flows.listFlows())[0]).toMatchObject({ latestVersion: 1, hasDraftChanges: false })
      await store.flows.saveDraft('loan', { ...sampleFlow(), name: 'Loan approval v2' }, 'ann')
      expect((await store.flows.listFlows())[0]).toMatchObject({ name: 'Loan approval v2', hasDraftChanges: true })
      expect(await store.flows.publish('loan', 'bob')).toBe(2)
      expect((await store.flows.getVersion('loan', 1))?.name).toBe('Loan approval')
      expect((await store.flows.getVersion('loan', 2))?.version).toBe(2)
      expect(await store.flows.getVersion('loan', 3)).toBeUndefined()
      expect(await store.flows.listVersions('loan')).toEqual([
        { version: 1, publishedAt: expect.any(String), publishedBy: 'bob', note: 'first' },
        { version: 2, publishedAt: expect.any(String), publishedBy: 'bob' },
      ])
    })

    it('gives two concurrent publishes distinct version numbers', async () => {
      await store.flows.saveDraft('loan', sampleFlow(), 'ann')
      const numbers = await Promise.all([store.flows.publish('loan', 'a'), store.flows.publish('loan', 'b')])
      expect(numbers.sort()).toEqual([1, 2])
    })

    it('refuses to publish a flow that has no draft', async () => {
      await expect(store.flows.publish('nope', 'bob')).rejects.toMatchObject({ code: 'FLOW_NOT_FOUND' })
    })

    it('refuses a draft whose id differs from the id it is saved under', async () => {
      await expect(store.flows.saveDraft('other', sampleFlow(), 'ann')).rejects.toMatchObject({ code: 'FLOW_ID_MISMATCH' })
    })

    it('deletes a flow with its versions', async () => {
      await store.flows.saveDraft('loan', sampleFlow(), 'ann')
      await store.flows.publish('loan', 'bob')
      expect(await store.flows.deleteFlow('loan')).toBe(true)
      expect(await store.flows.deleteFlow('loan')).toBe(false)
      expect(await store.flows.listFlows()).toEqual([])
      expect(await store.flows.getVersion('loan', 1)).toBeUndefined()
    })
  })
})
