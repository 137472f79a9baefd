import { describe, expect, it } from 'vitest'
import { decideTask, fireDueTimers } from '../../../runtime/engine/index.js'
import { createTestEngine, flow } from './harness.js'

const DAY = 86_400_000

describe('wait node', () => {
  it('sleeps thirty days as a stored timer and wakes exactly once', async () => {
    const t = createTestEngine()
    await t.publish(
      flow('sleep', [{ id: 'start', type: 'start' }, { id: 'nap', type: 'wait', config: { for: 'P30D' } }, { id: 'end', type: 'end' }], ['start.next->nap', 'nap.next->end']),
    )
    const { runId, state } = await t.engine.startRun({ flowId: 'sleep', input: {} })
    expect(Object.values(state.timers)[0].fireAt).toBe('2026-02-04T09:00:00.000Z')
    expect(await t.store.runs.nextTimerAt()).toBe('2026-02-04T09:00:00.000Z')
    t.advanceClock(29 * DAY)
    expect(await fireDueTimers(t.engine)).toBe(0)
    t.advanceClock(1 * DAY)
    expect(await fireDueTimers(t.engine)).toBe(1)
    expect(await fireDueTimers(t.engine)).toBe(0)
    expect((await t.store.runs.getRun(runId))!.status).toBe('completed')
  })
})

describe('flow versions', () => {
  const v1 = flow(
    'pinned',
    [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'human-review' },
      { id: 'yes', type: 'end', config: { outcome: 'v1-approved' } },
      { id: 'no', type: 'end', config: { outcome: 'v1-rejected' } },
    ],
    ['start.next->review', 'review.approve->yes', 'review.reject->no'],
  )

  it('keeps a waiting run on the version it started with after a new version is published', async () => {
    const t = createTestEngine()
    await t.publish(v1)
    const { runId, state } = await t.engine.startRun({ flowId: 'pinned', input: {} })
    const v2 = structuredClone(v1)
    v2.nodes[2].config = { outcome: 'v2-approved' }
    expect(await t.publish(v2)).toBe(2)
    await decideTask(t.engine, Object.keys(state.tasks)[0], { decision: 'approve', by: 'olga' })
    expect(await t.store.runs.getRun(runId)).toMatchObject({ flowVersion: 1, outcome: 'v1-approved' })
    const fresh = await t.engine.startRun({ flowId: 'pinned', input: {} })
    expect(fresh.state.flowVersion).toBe(2)
  })
})

describe('cancel and retry', () => {
  it('cancels a waiting run and closes its task', async () => {
    const t = createTestEngine()
    await t.publish(flow('c', [{ id: 'start', type: 'start' }, { id: 'review', type: 'human-review' }, { id: 'end', type: 'end' }], ['start.next->review', 'review.approve->end', 'review.reject->end']))
    const { runId, state } = await t.engine.startRun({ flowId: 'c', input: {} })
    const cancelled = await t.engine.cancelRun(runId, 'customer withdrew', 'olga')
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.tasks[Object.keys(state.tasks)[0]].status).toBe('closed')
    await expect(t.engine.cancelRun(runId, 'again', 'olga')).rejects.toMatchObject({ code: 'RUN_NOT_CANCELLABLE' })
  })

  it('retries a failed run by executing the failed node again with the input it had', async () => {
    const t = createTestEngine()
    await t.publish(
      flow(
        'r',
        [
          { id: 'start', type: 'start' },
          { id: 'check', type: 'rule', config: { rules: [{ when: 'input.flag == true', port: 'yes' }] } },
          { id: 'yes', type: 'end', config: { outcome: 'yes' } },
          { id: 'no', type: 'end', config: { outcome: 'no' } },
        ],
        ['start.next->check', 'check.yes->yes', 'check.default->no'],
      ),
    )
    const { runId, state } = await t.engine.startRun({ flowId: 'r', input: { other: 1 } })
    expect(state.status).toBe('failed')
    const retried = await t.engine.retryRun(runId, 'olga')
    expect(retried.status).toBe('failed')
    const events = (await t.store.runs.getEvents(runId))!
    expect(events.filter((e) => e.type === 'run.retried')).toHaveLength(1)
    const entries = events.filter((e) => e.type === 'node.entered' && e.nodeId === 'check')
    expect(entries.map((e) => e.type === 'node.entered' && e.input)).toEqual([{ other: 1 }, { other: 1 }])
  })
})
