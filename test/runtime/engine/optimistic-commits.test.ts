/**
 * Optimistic commits: two engines on one store stand for two processes on
 * one database — they share no lock, only the store. Whatever they do to one
 * run at the same moment, the log stays gap-free and each decision, claim or
 * timer takes effect once.
 */
import { describe, expect, it } from 'vitest'
import { claimTask, decideTask, fireTimer } from '../../../runtime/engine/index.js'
import { createTestEngine, flow } from './harness.js'

const HOUR = 3_600_000

function reviewFlow(config: Record<string, unknown> = {}) {
  return flow(
    'review',
    [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'human-review', config: { role: 'credit-officer', ...config } },
      { id: 'approve', type: 'end', config: { outcome: 'approve' } },
      { id: 'reject', type: 'end', config: { outcome: 'reject' } },
      ...(config.onDeadline === 'port' ? [{ id: 'overdue', type: 'end', config: { outcome: 'overdue' } }] : []),
    ],
    ['start.next->review', 'review.approve->approve', 'review.reject->reject', ...(config.onDeadline === 'port' ? ['review.overdue->overdue'] : [])],
  )
}

async function twoProcesses(config?: Record<string, unknown>) {
  const t = createTestEngine()
  await t.publish(reviewFlow(config))
  const { runId, state } = await t.engine.startRun({ flowId: 'review', input: {}, requestedBy: 'requester' })
  return { t, runId, taskId: Object.keys(state.tasks)[0], a: t.engine, b: t.secondEngine() }
}

async function seqs(t: Awaited<ReturnType<typeof twoProcesses>>['t'], runId: string): Promise<number[]> {
  return ((await t.store.runs.getEvents(runId)) ?? []).map((e) => e.seq)
}

describe('optimistic commits across processes', () => {
  it('lets one of two simultaneous decisions on a task count and answers the other with the first', async () => {
    const { t, runId, taskId, a, b } = await twoProcesses()
    const results = await Promise.allSettled([
      decideTask(a, taskId, { decision: 'approve', by: 'olga' }),
      decideTask(b, taskId, { decision: 'reject', by: 'piet' }),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    const run = await t.store.runs.getRun(runId)
    expect(lost[0]).toMatchObject({ reason: { code: 'TASK_ALREADY_DECIDED', status: 409, details: { first: run!.tasks[taskId].decision } } })
    expect((await t.store.runs.getEvents(runId))!.filter((e) => e.type === 'task.decided')).toHaveLength(1)
    const log = await seqs(t, runId)
    expect(log).toEqual(log.map((_, i) => i + 1))
  })

  it('applies a step that lost the race again on the fresh state, so both four-eyes approvals count', async () => {
    const { t, runId, taskId, a, b } = await twoProcesses({ approvals: 2 })
    const results = await Promise.all([decideTask(a, taskId, { decision: 'approve', by: 'olga' }), decideTask(b, taskId, { decision: 'approve', by: 'piet' })])
    expect(results.map((r) => r.status).sort()).toEqual(['decided', 'pending'])
    const run = await t.store.runs.getRun(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'approve' })
    expect(run!.tasks[taskId].decision?.reviewers.sort()).toEqual(['olga', 'piet'])
  })

  it('gives a task claimed in two processes at once to one reviewer', async () => {
    const { t, runId, taskId, a, b } = await twoProcesses()
    const results = await Promise.allSettled([claimTask(a, taskId, { by: 'olga' }), claimTask(b, taskId, { by: 'piet' })])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'TASK_CLAIMED' } })
    expect((await t.store.runs.getEvents(runId))!.filter((e) => e.type === 'task.claimed')).toHaveLength(1)
  })

  it('fires a deadline once when two processes fire it together, and a decision racing it finds the task closed', async () => {
    const { t, runId, taskId, a, b } = await twoProcesses({ due: 'PT1H', onDeadline: 'port' })
    t.advanceClock(2 * HOUR)
    const timerId = Object.keys((await t.store.runs.getRun(runId))!.timers)[0]
    const [firedA, firedB, decision] = await Promise.allSettled([
      fireTimer(a, runId, timerId),
      fireTimer(b, runId, timerId),
      decideTask(a, taskId, { decision: 'approve', by: 'olga' }),
    ])
    const fired = [firedA, firedB].filter((r) => r.status === 'fulfilled' && r.value === true)
    const events = (await t.store.runs.getEvents(runId))!
    const run = await t.store.runs.getRun(runId)
    if (run!.outcome === 'overdue') {
      expect(fired).toHaveLength(1)
      expect(decision).toMatchObject({ status: 'rejected', reason: { code: 'TASK_CLOSED' } })
    } else {
      // The decision came first: the timer was cancelled with the wait and fires for no one.
      expect(run!.outcome).toBe('approve')
      expect(fired).toHaveLength(0)
    }
    expect(events.filter((e) => e.type === 'timer.fired').length).toBe(fired.length)
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
  })
})
