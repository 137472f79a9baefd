import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../../runtime/engine/index.js'
import { latestToken, manualClock, openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { chooseFlow, flow, reviewFlow } from '../../helpers/flows.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('deadlines, reminders and timers through the API', () => {
  const clock = manualClock()
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ clock })
    await publishFlow(t.api, reviewFlow('escalating', { due: 'P1D', onDeadline: 'escalate', escalateTo: 'lead' }))
    await publishFlow(t.api, reviewFlow('reminding', { due: 'P1D', onDeadline: 'remind' }))
    await publishFlow(t.api, chooseFlow('reminded', { expiresIn: 'P3D', remindBefore: ['P1D'] }))
    await publishFlow(
      t.api,
      flow('sleeper', [{ id: 'start', type: 'start' }, { id: 'nap', type: 'wait', config: { for: 'PT1H' } }, { id: 'end', type: 'end' }], ['start.next->nap', 'nap.next->end']),
    )
  })
  afterAll(() => t.close())

  const passTime = async (ms: number) => {
    clock.advance(ms)
    await fireDueTimers(t.server.engine)
  }

  it('hands a task to the escalation role once its deadline passes', async () => {
    const runId = await startRun(t.api, 'escalating', {})
    await passTime(DAY + 1)
    const [task] = await openTasks(t.api, runId)
    expect(task.role).toBe('lead')
    expect((await t.api('GET', `/api/tasks?status=open&role=lead&runId=${runId}`)).body).toHaveLength(1)
  })

  it('still takes a decision on an escalated task', async () => {
    const runId = await startRun(t.api, 'escalating', {})
    await passTime(DAY + 1)
    const [task] = await openTasks(t.api, runId)
    expect((await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'approved' })
  })

  it('reminds the role in the outbox when a task is overdue', async () => {
    const runId = await startRun(t.api, 'reminding', {})
    await passTime(DAY + 1)
    const outbox = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    expect(outbox).toEqual([expect.objectContaining({ to: 'role:checker', purpose: 'reminder', subject: expect.stringMatching(/^Reminder: /) })])
    expect(await openTasks(t.api, runId)).toHaveLength(1)
  })

  it('reminds the customer before the link expires, with the same link', async () => {
    const runId = await startRun(t.api, 'reminded', { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] })
    const token = await latestToken(t.api, runId)
    await passTime(2 * DAY + 1)
    const outbox = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    const reminder = outbox.find((m: { purpose: string }) => m.purpose === 'reminder')
    expect(reminder).toMatchObject({ to: 'ada@example.com', subject: 'Reminder: Pick a delivery date', link: `/c/${token}` })
    expect((await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-02-01' } })).status).toBe(200)
  })

  it('sends no reminder after the customer has answered', async () => {
    const runId = await startRun(t.api, 'reminded', { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] })
    const token = await latestToken(t.api, runId)
    await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-02-01' } })
    await passTime(3 * DAY)
    const outbox = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    expect(outbox.map((m: { purpose: string }) => m.purpose)).toEqual(['request'])
  })

  it('wakes a wait step when its time comes', async () => {
    const runId = await startRun(t.api, 'sleeper', {})
    await passTime(HOUR - 1_000)
    expect((await t.api('GET', `/api/runs/${runId}`)).body.status).toBe('waiting')
    await passTime(1_000)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ status: 'completed' })
  })
})
