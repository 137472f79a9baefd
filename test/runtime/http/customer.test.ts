import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../../runtime/engine/index.js'
import { latestToken, manualClock, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { chooseFlow, flow } from '../../helpers/flows.js'

const DAY = 86_400_000
const input = { name: 'Ada', email: 'ada@example.com', dates: ['2026-01-12', '2026-01-13', '2026-01-14'] }

/** start → ask (confirm; “reject” asks again) → done / gave-up. */
const askAgainFlow = flow(
  'ask-again',
  [
    { id: 'start', type: 'start' },
    { id: 'ask', type: 'customer-confirmation', config: { kind: 'confirm', to: 'input.email', subject: 'Confirm', message: 'Please confirm', remindBefore: [] } },
    { id: 'done', type: 'end', config: { outcome: 'confirmed' } },
    { id: 'gave-up', type: 'end', config: { outcome: 'gave-up' } },
  ],
  ['start.next->ask', 'ask.confirm->done', 'ask.reject->ask', 'ask.expired->gave-up'],
)

describe('customer links', () => {
  const clock = manualClock()
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ clock })
    await publishFlow(t.api, chooseFlow('choose'))
    await publishFlow(t.api, askAgainFlow)
  })
  afterAll(() => t.close())

  async function request(flowId = 'choose') {
    const runId = await startRun(t.api, flowId, input)
    return { runId, token: await latestToken(t.api, runId) }
  }

  it('sends the customer a message with a /c/<token> link', async () => {
    const runId = await startRun(t.api, 'choose', input)
    const outbox = await t.api('GET', `/api/outbox?runId=${runId}`)
    expect(outbox.status).toBe(200)
    expect(outbox.body).toEqual([
      expect.objectContaining({ runId, to: 'ada@example.com', subject: 'Pick a delivery date', body: 'Hello Ada, when should we deliver?', link: expect.stringMatching(/^\/c\/[A-Za-z0-9_-]{40,}$/) }),
    ])
  })

  it('shows the request behind a link: message, answers, options and expiry', async () => {
    const { token } = await request()
    const res = await t.api('GET', `/api/customer/${token}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      message: 'Hello Ada, when should we deliver?',
      answers: ['choose'],
      options: input.dates.map((d) => ({ value: d, label: d })),
      expiresAt: new Date(clock.now().getTime() + 2 * DAY).toISOString(),
    })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('takes an answer with 200 and the run continues by that port', async () => {
    const { runId, token } = await request()
    const res = await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-13' } })
    expect(res.status).toBe(200)
    const run = await waitForRunStatus(t.api, runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'chosen', output: { answer: 'choose', option: '2026-01-13' } })
  })

  it('refuses an option that was not offered with 422 and keeps the request open', async () => {
    const { token } = await request()
    const res = await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2030-01-01' } })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('ANSWER_INVALID')
    expect((await t.api('GET', `/api/customer/${token}`)).status).toBe(200)
  })

  it('answers a replayed link with 409 and changes nothing', async () => {
    const { runId, token } = await request()
    await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-12' } })
    const before = (await t.api('GET', `/api/runs/${runId}/events`)).body.length
    const replay = await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-14' } })
    expect(replay.status).toBe(409)
    expect(replay.body.error).toMatchObject({ code: 'REQUEST_ANSWERED', answer: expect.objectContaining({ answer: 'choose', data: { option: '2026-01-12' } }) })
    expect((await t.api('GET', `/api/runs/${runId}/events`)).body.length).toBe(before)
    expect((await t.api('GET', `/api/customer/${token}`)).status).toBe(409)
  })

  it('lets exactly one of two concurrent answers on one link win', async () => {
    const { runId, token } = await request()
    const results = await Promise.all(
      ['2026-01-12', '2026-01-14'].map((option) => t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option } })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    expect(events.filter((e: { type: string }) => e.type === 'customer.answered')).toHaveLength(1)
    expect(events.filter((e: { type: string }) => e.type === 'run.completed')).toHaveLength(1)
  })

  it('answers a forged token with 404', async () => {
    await request()
    const forged = Buffer.alloc(32, 7).toString('base64url')
    expect((await t.api('GET', `/api/customer/${forged}`)).status).toBe(404)
    const res = await t.api('POST', `/api/customer/${forged}`, { answer: 'choose', data: { option: '2026-01-12' } })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('REQUEST_NOT_FOUND')
  })

  it('answers a truncated token with 404', async () => {
    const { token } = await request()
    expect((await t.api('GET', `/api/customer/${token.slice(0, -1)}`)).status).toBe(404)
    expect((await t.api('POST', `/api/customer/${token.slice(0, 20)}`, { answer: 'choose', data: { option: '2026-01-12' } })).status).toBe(404)
  })

  it('answers a token with characters outside the alphabet with 404', async () => {
    const { token } = await request()
    expect((await t.api('GET', `/api/customer/${encodeURIComponent(`${token.slice(0, -1)}'`)}`)).status).toBe(404)
  })

  it('answers an expired link with 410 once its time has passed', async () => {
    const { token } = await request()
    clock.advance(2 * DAY + 1)
    try {
      const res = await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-12' } })
      expect(res.status).toBe(410)
      expect(res.body.error.code).toBe('REQUEST_EXPIRED')
      expect((await t.api('GET', `/api/customer/${token}`)).status).toBe(410)
    } finally {
      await fireDueTimers(t.server.engine)
    }
  })

  it('sends the run by the expired port when the expiry fires, and the link stays gone', async () => {
    const { runId, token } = await request()
    clock.advance(2 * DAY)
    await fireDueTimers(t.server.engine)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ status: 'completed', outcome: 'expired' })
    expect((await t.api('GET', `/api/customer/${token}`)).status).toBe(410)
  })

  it('does not let the link of an earlier wait answer a later wait of the same step', async () => {
    const { runId, token: first } = await request('ask-again')
    expect((await t.api('POST', `/api/customer/${first}`, { answer: 'reject' })).status).toBe(200)
    const second = await latestToken(t.api, runId)
    expect(second).not.toBe(first)
    const stale = await t.api('POST', `/api/customer/${first}`, { answer: 'confirm' })
    expect(stale.status).toBe(409)
    expect((await t.api('GET', `/api/runs/${runId}`)).body.status).toBe('waiting')
    expect((await t.api('POST', `/api/customer/${second}`, { answer: 'confirm' })).status).toBe(200)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'confirmed' })
  })

  it('answers the link of a cancelled run with 410', async () => {
    const { runId, token } = await request()
    await t.api('POST', `/api/runs/${runId}/cancel`, {})
    const res = await t.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-12' } })
    expect(res.status).toBe(410)
    expect(res.body.error.code).toBe('REQUEST_CLOSED')
  })

  it('shows a customer nothing of the run beyond the request', async () => {
    const { token } = await request()
    const res = await t.api('GET', `/api/customer/${token}`)
    expect(Object.keys(res.body).sort()).toEqual(['answers', 'expiresAt', 'kind', 'message', 'options', 'subject'])
    expect(res.text).not.toContain('ada@example.com')
  })
})
