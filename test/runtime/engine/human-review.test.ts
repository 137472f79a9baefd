import { describe, expect, it } from 'vitest'
import { decideTask, fireDueTimers } from '../../../runtime/engine/index.js'
import { createTestEngine, flow } from './harness.js'

const HOUR = 3_600_000

function reviewFlow(config: Record<string, unknown> = {}) {
  const ports = ['approve', 'reject', ...(config.onDeadline === 'port' ? ['overdue'] : [])]
  return flow(
    'review',
    [
      { id: 'start', type: 'start' },
      {
        id: 'review',
        type: 'human-review',
        config: { role: 'credit-officer', form: [{ name: 'amount', label: 'Amount', type: 'number', value: 'input.amount' }], ...config },
      },
      ...ports.map((p) => ({ id: p, type: 'end', config: { outcome: p } })),
    ],
    ports.map((p) => `review.${p}->${p}`).concat('start.next->review'),
  )
}

async function startWaiting(config?: Record<string, unknown>, requestedBy = 'requester') {
  const t = createTestEngine()
  await t.publish(reviewFlow(config))
  const { runId, state } = await t.engine.startRun({ flowId: 'review', input: { amount: 100 }, requestedBy })
  const [task] = Object.values(state.tasks)
  return { t, runId, state, task }
}

describe('human review', () => {
  it('waits with an open task for the configured role', async () => {
    const { state, task } = await startWaiting()
    expect(state.status).toBe('waiting')
    expect(task).toMatchObject({ role: 'credit-officer', status: 'open', decisions: ['approve', 'reject'] })
    expect(task.form).toEqual([{ name: 'amount', label: 'Amount', type: 'number', value: 100 }])
  })

  it('continues by the port named after the decision', async () => {
    const { t, task } = await startWaiting()
    const result = await decideTask(t.engine, task.id, { decision: 'reject', by: 'olga' })
    expect(result.run).toMatchObject({ status: 'completed', outcome: 'reject' })
  })

  it('records field corrections beside the original values', async () => {
    const { t, task } = await startWaiting()
    const result = await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga', data: { amount: 80 } })
    expect(result.task.decision?.corrections).toEqual({ amount: { from: 100, to: 80 } })
    expect(result.run.outputs.review).toMatchObject({ decision: 'approve', by: 'olga', fields: { amount: 80 } })
  })

  it('refuses a field the task does not have', async () => {
    const { t, task } = await startWaiting()
    await expect(decideTask(t.engine, task.id, { decision: 'approve', by: 'olga', data: { iban: 'x' } })).rejects.toMatchObject({ code: 'DECISION_INVALID' })
  })

  it('answers a second decision with the first one and changes nothing', async () => {
    const { t, runId, task } = await startWaiting()
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    const before = (await t.store.runs.getEvents(runId))!.length
    await expect(decideTask(t.engine, task.id, { decision: 'reject', by: 'piet' })).rejects.toMatchObject({
      code: 'TASK_ALREADY_DECIDED',
      details: { first: { decision: 'approve', by: 'olga' } },
    })
    expect((await t.store.runs.getEvents(runId))!.length).toBe(before)
  })

  it('lets exactly one of two simultaneous decisions count', async () => {
    const { t, runId, task } = await startWaiting()
    const results = await Promise.allSettled([
      decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' }),
      decideTask(t.engine, task.id, { decision: 'reject', by: 'piet' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const events = (await t.store.runs.getEvents(runId))!
    expect(events.filter((e) => e.type === 'task.decided')).toHaveLength(1)
    expect(events.filter((e) => e.type === 'run.completed')).toHaveLength(1)
  })

  it('needs a reason to decide against the AI proposal', async () => {
    const { t, task } = await startWaiting({ proposal: '"approve"' })
    await expect(decideTask(t.engine, task.id, { decision: 'reject', by: 'olga' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' })
    const result = await decideTask(t.engine, task.id, { decision: 'reject', by: 'olga', reason: 'income not verified' })
    expect(result.task.decision?.reason).toBe('income not verified')
  })
})

describe('four eyes', () => {
  it('needs two distinct reviewers before the approval takes effect', async () => {
    const { t, task } = await startWaiting({ approvals: 2 })
    const first = await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    expect(first).toMatchObject({ status: 'pending', approvals: 1, required: 2 })
    expect(first.run.status).toBe('waiting')
    const second = await decideTask(t.engine, task.id, { decision: 'approve', by: 'piet' })
    expect(second.run).toMatchObject({ status: 'completed', outcome: 'approve' })
    expect(second.task.decision?.reviewers).toEqual(['olga', 'piet'])
  })

  it('does not let one person approve twice', async () => {
    const { t, task } = await startWaiting({ approvals: 2 })
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    await expect(decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })).rejects.toMatchObject({ code: 'ALREADY_APPROVED' })
  })

  it('does not let the requester approve their own run', async () => {
    const { t, task } = await startWaiting({ approvals: 2 }, 'olga')
    await expect(decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })).rejects.toMatchObject({ code: 'SELF_APPROVAL', status: 403 })
  })

  it('lets a single reviewer reject at once', async () => {
    const { t, task } = await startWaiting({ approvals: 2 })
    const result = await decideTask(t.engine, task.id, { decision: 'reject', by: 'olga' })
    expect(result.run.outcome).toBe('reject')
  })
})

describe('review deadlines', () => {
  it('takes the overdue port once the due time passes', async () => {
    const { t, runId } = await startWaiting({ due: 'PT4H', onDeadline: 'port' })
    t.advanceClock(3 * HOUR)
    expect(await fireDueTimers(t.engine)).toBe(0)
    t.advanceClock(2 * HOUR)
    expect(await fireDueTimers(t.engine)).toBe(1)
    expect(await fireDueTimers(t.engine)).toBe(0)
    const run = await t.store.runs.getRun(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'overdue' })
    expect(Object.values(run!.tasks)[0]).toMatchObject({ status: 'closed', closedReason: 'superseded' })
  })

  it('escalates the same task to another role and keeps waiting', async () => {
    const { t, runId, task } = await startWaiting({ due: 'P1D', onDeadline: 'escalate', escalateTo: 'credit-lead' })
    t.advanceClock(25 * HOUR)
    await fireDueTimers(t.engine)
    const run = await t.store.runs.getRun(runId)
    expect(run!.status).toBe('waiting')
    expect(run!.tasks[task.id]).toMatchObject({ status: 'open', role: 'credit-lead' })
  })

  it('reminds the role through the outbox and keeps the task open', async () => {
    const { t, runId, task } = await startWaiting({ due: 'PT1H', onDeadline: 'remind' })
    t.advanceClock(2 * HOUR)
    await fireDueTimers(t.engine)
    const outbox = await t.store.runs.listOutbox({ runId })
    expect(outbox).toEqual([expect.objectContaining({ to: 'role:credit-officer', purpose: 'reminder', taskId: task.id })])
    expect((await t.store.runs.getRun(runId))!.tasks[task.id].status).toBe('open')
  })

  it('cancels the deadline when the task is decided in time', async () => {
    const { t, runId, task } = await startWaiting({ due: 'PT1H', onDeadline: 'port' })
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    t.advanceClock(2 * HOUR)
    expect(await fireDueTimers(t.engine)).toBe(0)
    expect((await t.store.runs.getRun(runId))!.outcome).toBe('approve')
  })
})
