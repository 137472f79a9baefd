/**
 * Timers in a replay: a draft's shorter expiry takes effect against the time
 * the customer really answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerCustomer } from '../../../../runtime/engine/index.js'
import { manualClock, startRun, startTestServer, type TestServer } from '../../../helpers/api.js'

const DAY = 86_400_000

describe('a draft that gives the customer less time', () => {
  const clock = manualClock('2026-03-02T09:00:00.000Z')
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true, clock })
    const input = { customer: 'Ada Keller', email: 'ada@example.com', contractId: 'K-1', change: 'New tariff from April' }
    // One customer confirms after half a day, one after three days (the link lasts seven).
    for (const days of [0.5, 3]) {
      const runId = await startRun(t.api, 'contract-adjustment', input)
      const run = (await t.server.engine.deps.store.runs.getRun(runId))!
      const request = Object.values(run.requests)[0]
      clock.advance(days * DAY)
      const token = await t.server.engine.deps.links.tokenFor({ runId, requestId: request.id, expiresAt: request.request.expiresAt })
      await answerCustomer(t.server.engine, token, { answer: 'confirm' })
      clock.advance(-days * DAY)
    }
  })
  afterAll(() => t.close())

  it('lets the link expire before a late answer, and keeps the early one', async () => {
    const draft = (await t.api('GET', '/api/flows/contract-adjustment')).body.flow
    draft.parameters.find((p: any) => p.name === 'answerWithin').value = 'P1D'
    draft.parameters.find((p: any) => p.name === 'remindBefore').value = 'PT12H'
    const res = await t.api('POST', '/api/flows/contract-adjustment/replay', { flow: draft })
    expect(res.status, res.text).toBe(200)
    expect(res.body.totals).toEqual({ same: 1, different: 1, needsPerson: 0, cannotTell: 0 })
    expect(res.body.moved).toEqual([expect.objectContaining({ before: { status: 'completed', outcome: 'applied' }, after: { status: 'completed', outcome: 'unanswered' } })])
  })
})
