import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../../runtime/engine/index.js'
import { feedbackFromEvents } from '../../../runtime/learning/feedback.js'
import { latestToken, manualClock, openTasks, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'

const HOUR = 3_600_000
const risky = { applicant: 'Ben', amount: 12_000, note: 'Self employed for three months, income irregular, some late payments, wants to consolidate debt' }
const good = { applicant: 'Ada', amount: 8_000, note: 'Permanent employee for twelve years, stable salary, no missed payments, loan for a family car' }
const ticket = { customer: 'Maria', email: 'maria@example.com', ticket: 'I was charged twice for order 4711, please refund the duplicate payment.' }

describe('the feedback dataset and metrics', () => {
  const clock = manualClock('2026-01-05T09:00:00.000Z')
  let t: TestServer
  let decidedRun: string
  beforeAll(async () => {
    t = await startTestServer({ examples: true, clock })
    decidedRun = await startRun(t.api, 'loan-approval', risky)
    await startRun(t.api, 'loan-approval', good)
    const overdue = await startRun(t.api, 'loan-approval', { ...risky, applicant: 'Cleo' })
    clock.advance(2 * HOUR)
    const [task] = await openTasks(t.api, decidedRun)
    const res = await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve', data: { amount: 6000 }, reason: 'long-standing customer' })
    expect(res.status, res.text).toBe(200)
    clock.advance(3 * 24 * HOUR)
    await fireDueTimers(t.server.engine)
    expect((await waitForRunStatus(t.api, overdue, 'waiting')).status).toBe('waiting')
  })
  afterAll(() => t.close())

  it('exports one JSONL line per human decision with the proposal it answered', async () => {
    const res = await t.api('GET', '/api/flows/loan-approval/dataset')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/x-ndjson')
    const lines = res.text.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      kind: 'decision',
      flowId: 'loan-approval',
      runId: decidedRun,
      nodeId: 'review',
      input: risky,
      proposal: { nodeId: 'score', task: 'score', label: 'risky', confidence: expect.any(Number), model: 'local-naive-bayes', modelVersion: expect.stringMatching(/^nb-/) },
      proposedDecision: 'reject',
      answer: 'approve',
      corrections: { amount: { from: 12_000, to: 6000 } },
      overridden: true,
      by: 'admin',
      reason: 'long-standing customer',
      askedAt: '2026-01-05T09:00:00.000Z',
      answeredAt: '2026-01-05T11:00:00.000Z',
    })
    expect(lines[0].confidence).toBe(lines[0].proposal.confidence)
  })

  it('derives the same records from a run’s events with a pure function', async () => {
    const events = (await t.api('GET', `/api/runs/${decidedRun}/events`)).body
    const exported = JSON.parse((await t.api('GET', '/api/flows/loan-approval/dataset')).text.trim())
    expect(feedbackFromEvents(decidedRun, events)).toEqual([exported])
  })

  it('reports automation, overrides, time to decision and deadline breaches', async () => {
    const { body } = await t.api('GET', '/api/flows/loan-approval/metrics')
    expect(body.totals).toMatchObject({
      runs: 3,
      decided: 3,
      automated: 1,
      automationRate: 0.3333,
      tasksDecided: 1,
      overridden: 1,
      overrideRate: 1,
      timeToDecision: { count: 1, medianSeconds: 7200 },
      deadlines: { withDeadline: 2, breached: 1, breachRate: 0.5 },
    })
    expect(body.byNode.review).toMatchObject({ tasksDecided: 1, overridden: 1 })
    expect(body.daily).toEqual([expect.objectContaining({ date: '2026-01-05', runs: 3, automated: 1 })])
  })

  it('draws a calibration chart: accuracy and mean confidence per band', async () => {
    const { body } = await t.api('GET', '/api/flows/loan-approval/metrics')
    expect(body.calibration).toHaveLength(10)
    const used = body.calibration.filter((b: any) => b.cases > 0)
    expect(used).toEqual([expect.objectContaining({ cases: 1, correct: 0, accuracy: 0 })])
    expect(used[0].meanConfidence).toBeGreaterThanOrEqual(used[0].from)
  })

  it('counts customer answers, poor ratings and expired links', async () => {
    const answered = await startRun(t.api, 'support-feedback', ticket)
    const expiring = await startRun(t.api, 'support-feedback', { ...ticket, customer: 'Tom' })
    for (const runId of [answered, expiring]) {
      for (const task of await openTasks(t.api, runId)) await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'send', reason: 'fine' })
    }
    const token = await latestToken(t.api, answered)
    expect((await t.api('POST', `/api/customer/${token}`, { answer: 'rate', data: { rating: 1, comment: 'did not help' } })).status).toBe(200)
    clock.advance(8 * 24 * HOUR)
    await fireDueTimers(t.server.engine)
    const { body } = await t.api('GET', '/api/flows/support-feedback/metrics')
    expect(body.totals.customer).toEqual({ requests: 2, answered: 1, confirmed: 0, expired: 1, confirmationRate: 0, expiryRate: 0.5, meanRating: 1 })
    const dataset = (await t.api('GET', '/api/flows/support-feedback/dataset')).text.trim().split('\n').map((l) => JSON.parse(l))
    expect(dataset.find((r) => r.kind === 'answer')).toMatchObject({ answer: 'rate', data: { rating: 1 }, by: 'customer', overridden: true, reason: 'did not help', proposal: { nodeId: 'draft' } })
  })
})
