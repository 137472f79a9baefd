/** The store contract: the inbox projection. */
import { describe, expect, it } from 'vitest'
import type { AppStore } from '../../../../runtime/store/open-store.js'
import { simpleRun } from '../fixtures/run-log.js'

export function tasksContract(store: () => AppStore): void {
  describe('tasks', () => {
    it('finds the run of a task', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      expect(await store().runs.runIdForTask('t-r_1')).toBe('r_1')
      expect(await store().runs.runIdForTask('t-unknown')).toBeUndefined()
    })

    it('answers an inbox query by role sorted by due time, tasks without a due time last', async () => {
      const dues = { r_1: '2025-03-03T00:00:00.000Z', r_2: undefined, r_3: '2025-03-01T00:00:00.000Z', r_4: '2025-03-02T00:00:00.000Z' }
      for (const [id, dueAt] of Object.entries(dues)) {
        const log = simpleRun(id, { dueAt, role: id === 'r_4' ? 'lawyer' : 'credit-officer' })
        await store().runs.appendRun(id, log.take(), log.state())
      }
      const page = await store().runs.queryTasks({ status: 'open', roles: ['credit-officer'], sort: 'due' })
      expect(page.items.map((t) => t.runId)).toEqual(['r_3', 'r_1', 'r_2'])
      expect(page.total).toBe(3)
      const both = await store().runs.queryTasks({ roles: ['credit-officer', 'lawyer'], limit: 2, offset: 1 })
      expect(both.items.map((t) => t.runId)).toEqual(['r_4', 'r_1'])
      expect(both.total).toBe(4)
    })

    it('moves a decided task out of the open inbox', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.decided', taskId: 't-r_1', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
      await store().runs.appendRun(log.runId, log.take(), log.state())
      expect((await store().runs.queryTasks({ status: 'open' })).total).toBe(0)
      const decided = await store().runs.queryTasks({ status: 'decided' })
      expect(decided.items[0]).toMatchObject({ id: 't-r_1', decision: { decision: 'approve', by: 'ann' } })
    })

    it('moves a reassigned task to the inbox of its new role', async () => {
      const log = simpleRun('r_1')
      await store().runs.appendRun(log.runId, log.take(), log.state())
      log.add({ type: 'task.reassigned', taskId: 't-r_1', role: 'supervisor', reason: 'deadline' })
      await store().runs.appendRun(log.runId, log.take(), log.state())
      expect((await store().runs.queryTasks({ roles: ['credit-officer'] })).total).toBe(0)
      expect((await store().runs.queryTasks({ roles: ['supervisor'] })).items.map((t) => t.id)).toEqual(['t-r_1'])
    })

    it('filters tasks by flow, run and due-before', async () => {
      for (const [id, flowId, dueAt] of [['r_1', 'loan', '2025-03-01T00:00:00.000Z'], ['r_2', 'legal', '2025-03-05T00:00:00.000Z']]) {
        const log = simpleRun(id, { flowId, dueAt })
        await store().runs.appendRun(id, log.take(), log.state())
      }
      expect((await store().runs.queryTasks({ flowId: 'legal' })).items.map((t) => t.runId)).toEqual(['r_2'])
      expect((await store().runs.queryTasks({ runId: 'r_1' })).items.map((t) => t.runId)).toEqual(['r_1'])
      const early = await store().runs.queryTasks({ dueBefore: '2025-03-02T00:00:00.000Z' })
      expect(early).toMatchObject({ total: 1, items: [{ runId: 'r_1' }] })
    })
  })
}
