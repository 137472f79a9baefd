import { createHmac } from 'node:crypto'
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

  /** Every run's event count, to show that a refused link changed nothing anywhere. */
  async function allEventCounts(): Promise<Record<string, number>> {
    const runs = (await t.api('GET', '/api/runs?limit=500')).body as { id: string }[]
    const counts: Record<string, number> = {}
    for (const r of runs) counts[r.id] = (await t.api('GET', `/api/runs/${r.id}/events`)).body.length
    return counts
  }

  it('issues tokens of at least 128 random-looking bits, different for every request', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, async () => (await request()).token))
    expect(new Set(tokens).size).toBe(10)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('stores messages without the link token and puts the link back when the outbox is read', async () => {
    const { runId, token } = await request()
    const stored = await t.server.store.runs.listOutbox({ runId })
    expect(stored[0].link).toBeUndefined()
    expect(JSON.stringify(stored)).not.toContain(token)
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).text
    expect(events).not.toContain(token)
  })

  it('refuses forged, truncated, padded and re-signed tokens, and changes nothing in any run', async () => {
    const { runId, token } = await request()
    const other = await request()
    const before = await allEventCounts()
    const requestId = (await t.api('GET', `/api/runs/${runId}`)).body.waitingOn[0].requests[0]
    const expiresAt = (await t.api('GET', `/api/customer/${token}`)).body.expiresAt
    // The same binding, signed with a guessed secret, and bound to the other run.
    const resigned = createHmac('sha256', Buffer.alloc(32)).update(`inloop-link\u0000${other.runId}\u0000${requestId}\u0000${expiresAt}`).digest('base64url')
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`
    for (const bad of [flipped, token.slice(0, 42), token.slice(0, 22), `${token}A`, resigned, Buffer.alloc(32).toString('base64url')]) {
      expect((await t.anonymous('GET', `/api/customer/${bad}`)).status, bad).toBe(404)
      expect((await t.anonymous('POST', `/api/customer/${bad}`, { answer: 'choose', data: { option: '2026-01-12' } })).status, bad).toBe(404)
    }
    expect(await allEventCounts()).toEqual(before)
  })

  it('answers one run’s link without touching another run waiting on the same step', async () => {
    const a = await request()
    const b = await request()
    expect((await t.anonymous('POST', `/api/customer/${a.token}`, { answer: 'choose', data: { option: '2026-01-12' } })).status).toBe(200)
    expect((await t.api('GET', `/api/runs/${b.runId}`)).body.status).toBe('waiting')
    expect((await t.anonymous('GET', `/api/customer/${b.token}`)).status).toBe(200)
  })

  it('changes nothing when an expired link is used', async () => {
    const { token } = await request()
    clock.advance(2 * DAY + 1)
    try {
      const before = await allEventCounts()
      expect((await t.anonymous('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-12' } })).status).toBe(410)
      expect(await allEventCounts()).toEqual(before)
    } finally {
      await fireDueTimers(t.server.engine)
    }
  })

  it('lets a customer answer without signing in', async () => {
    const { runId, token } = await request()
    expect((await t.anonymous('GET', `/api/customer/${token}`)).status).toBe(200)
    expect((await t.anonymous('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-14' } })).status).toBe(200)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'chosen' })
  })

  it('shows a customer nothing of the run beyond the request', async () => {
    const { token } = await request()
    const res = await t.api('GET', `/api/customer/${token}`)
    expect(Object.keys(res.body).sort()).toEqual(['answers', 'expiresAt', 'kind', 'message', 'options', 'subject'])
    expect(res.text).not.toContain('ada@example.com')
  })
})
