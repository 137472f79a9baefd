/** The store contract: appending runs, reading them back, optimistic seq checks, idempotency keys. */
import { describe, expect, it } from 'vitest'
import type { AppStore } from '../../../../runtime/store/open-store.js'
import { runLog, simpleRun, started } from '../fixtures/run-log.js'

export function runsContract(store: () => AppStore): void {
  describe('runs', () => {
    it('returns the state derived from the appended events', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const state = await store().runs.getRun('r_1')
      expect(state).toEqual(log.state())
      expect(state?.status).toBe('waiting')
    })

    it('hands out copies, so mutating a returned state changes nothing stored', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const state = await store().runs.getRun('r_1')
      state!.status = 'failed'
      state!.tasks['t-r_1'].role = 'nobody'
      expect((await store().runs.getRun('r_1'))?.status).toBe('waiting')
      expect((await store().runs.queryTasks({ roles: ['credit-officer'] })).total).toBe(1)
    })

    it('is not affected when a caller changes the events it was handed back', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const read = await store().runs.getEvents('r_1')
      read![0].at = 'changed'
      expect((await store().runs.getEvents('r_1'))?.[0].at).not.toBe('changed')
    })

    it('appends later events to the same run and returns events after a seq', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.decided', taskId: 't-r_1', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const after = await store().runs.getEvents('r_1', 5)
      expect(after?.map((e) => e.type)).toEqual(['task.decided'])
      expect((await store().runs.getRun('r_1'))?.tasks['t-r_1'].status).toBe('decided')
    })

    it('rejects an append whose first seq does not follow the stored log, and stores nothing of it', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const stale = runLog('r_1')
      started(stale)
      await expect(store().runs.appendRun('r_1', stale.take(), stale.state())).rejects.toMatchObject({ code: 'SEQ_CONFLICT' })
      expect((await store().runs.getEvents('r_1'))?.length).toBe(5)
    })

    it('rejects a new run whose log does not start at seq 1', async () => {
      const log = simpleRun('r_1')
      const events = log.take().slice(1)
      await expect(store().runs.appendRun('r_1', events, log.state())).rejects.toMatchObject({ code: 'SEQ_CONFLICT' })
      expect(await store().runs.getRun('r_1')).toBeUndefined()
      expect(await store().runs.countRuns()).toBe(0)
    })

    it('rejects a run id that is not safe as a file name', async () => {
      const log = simpleRun('../evil')
      await expect(store().runs.appendRun('../evil', log.take(), log.state())).rejects.toMatchObject({ code: 'BAD_ID' })
    })

    it('rejects an outbox message that belongs to another run', async () => {
      const log = simpleRun('r_1')
      const message = { ...log.message({ id: 'm1' }), runId: 'r_2' }
      await expect(store().runs.appendRun('r_1', log.take(), log.state(), [message])).rejects.toMatchObject({ code: 'BAD_APPEND' })
    })

    it('answers undefined for a run it does not know', async () => {
      expect(await store().runs.getRun('r_missing')).toBeUndefined()
      expect(await store().runs.getEvents('r_missing')).toBeUndefined()
    })

    it('lands every one of many concurrent appends to different runs', async () => {
      const logs = Array.from({ length: 50 }, (_, i) => simpleRun(`r_${String(i).padStart(3, '0')}`))
      await Promise.all(logs.map((log) => store().runs.appendRun(log.runId, log.take(), log.state())))
      expect(await store().runs.countRuns()).toBe(50)
      expect((await store().runs.queryTasks({ status: 'open' })).total).toBe(50)
    })

    it('lists runs newest first, filtered by flow and status, paged with before', async () => {
      for (const [id, flowId] of [['r_a', 'loan'], ['r_b', 'legal'], ['r_c', 'loan'], ['r_d', 'loan']]) {
        const log = runLog(id)
        started(log, { flowId })
        if (id === 'r_c') log.add({ type: 'run.completed', outcome: 'approved', output: {} })
        await store().runs.appendRun(id, log.take(), log.state())
      }
      const ids = async (q: Parameters<AppStore['runs']['listRuns']>[0]) => (await store().runs.listRuns(q)).map((r) => r.id)
      expect(await ids({})).toEqual(['r_d', 'r_c', 'r_b', 'r_a'])
      expect(await ids({ flowId: 'loan' })).toEqual(['r_d', 'r_c', 'r_a'])
      expect(await ids({ flowId: 'loan', status: 'running' })).toEqual(['r_d', 'r_a'])
      expect(await ids({ limit: 2 })).toEqual(['r_d', 'r_c'])
      expect(await ids({ before: 'r_c', limit: 2 })).toEqual(['r_b', 'r_a'])
      expect((await store().runs.listRuns({ status: 'completed' }))[0]).toMatchObject({ id: 'r_c', outcome: 'approved', flowId: 'loan' })
    })

    it('lands exactly one of two appends that start at the same seq', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      const racers = ['ann', 'bob'].map((by) => {
        const copy = runLog('r_1')
        for (const e of log.events) copy.add(e)
        copy.take()
        copy.add({ type: 'task.decided', taskId: 't-r_1', decision: 'approve', by, data: {}, corrections: {}, reviewers: [by] })
        return store().runs.appendRun('r_1', copy.take(), copy.state())
      })
      const results = await Promise.allSettled(racers)
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'SEQ_CONFLICT' } })
      const events = await store().runs.getEvents('r_1')
      expect(events?.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6])
    })

    it('refuses a new run whose idempotency key another run of its flow has, naming that run', async () => {
      const first = runLog('r_1')
      started(first, { flowId: 'loan', idempotencyKey: 'order-7' })
      await store().runs.appendRun('r_1', first.take(), first.state())
      const second = runLog('r_2')
      started(second, { flowId: 'loan', idempotencyKey: 'order-7' })
      await expect(store().runs.appendRun('r_2', second.take(), second.state())).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', runId: 'r_1' })
      expect(await store().runs.getRun('r_2')).toBeUndefined()
      const other = runLog('r_3')
      started(other, { flowId: 'legal', idempotencyKey: 'order-7' })
      await store().runs.appendRun('r_3', other.take(), other.state())
      expect(await store().runs.countRuns()).toBe(2)
    })

    it('lets only one of two concurrent new runs with the same key start', async () => {
      const logs = ['r_1', 'r_2'].map((id) => {
        const log = runLog(id)
        started(log, { flowId: 'loan', idempotencyKey: 'same' })
        return log
      })
      const results = await Promise.allSettled(logs.map((log) => store().runs.appendRun(log.runId, log.take(), log.state())))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'IDEMPOTENCY_CONFLICT' } })
      expect(await store().runs.countRuns()).toBe(1)
    })

    it('finds a run by its flow and idempotency key', async () => {
      const log = runLog('r_1')
      started(log, { flowId: 'loan', idempotencyKey: 'order-7' })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await store().runs.runIdForIdempotencyKey('loan', 'order-7')).toBe('r_1')
      expect(await store().runs.runIdForIdempotencyKey('legal', 'order-7')).toBeUndefined()
    })
  })
}
