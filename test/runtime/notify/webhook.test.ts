import { createServer, type IncomingMessage, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseNotifyConfig } from '../../../runtime/notify/config.js'
import { webhookSignature } from '../../../runtime/notify/webhook-channel.js'
import { startServer, type RunningServer } from '../../../runtime/server.js'
import { createApi, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow } from '../../helpers/flows.js'
import { sessionCookie } from '../../helpers/people.js'

const SECRET = 'webhook-secret-for-tests'
const input = { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] }

interface Hit {
  headers: IncomingMessage['headers']
  body: string
}

/** A receiver that answers each request with the next status of `statuses` (then 204). */
async function startReceiver(statuses: number[] = []): Promise<{ url: string; hits: Hit[]; statuses: number[]; close(): Promise<void> }> {
  const hits: Hit[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hits.push({ headers: req.headers, body })
      res.statusCode = statuses.shift() ?? 204
      res.end()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/hook`, hits, statuses, close: () => new Promise((done) => server.close(() => done())) }
}

const config = (url: string, maxAttempts = 3) => parseNotifyConfig({ webhook: { url, secret: SECRET }, retry: { maxAttempts, baseDelayMs: 10, maxDelayMs: 20 } })

async function settle(t: { server: RunningServer }, until: () => boolean | Promise<boolean>, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await until())) {
    if (Date.now() > deadline) throw new Error('the webhook did not settle in time')
    await t.server.notifier.drain()
    await new Promise((r) => setTimeout(r, 15))
  }
}

describe('the webhook channel', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let t: TestServer
  beforeAll(async () => {
    receiver = await startReceiver()
    t = await startTestServer({ notify: config(receiver.url) })
    await publishFlow(t.api, chooseFlow('hooked'))
  })
  afterAll(async () => {
    await t.close()
    await receiver.close()
  })

  it('posts each message as JSON with a timestamp and an HMAC-SHA256 signature', async () => {
    const runId = await startRun(t.api, 'hooked', input)
    await settle(t, () => receiver.hits.some((h) => h.body.includes(runId)))
    const hit = receiver.hits.find((h) => h.body.includes(runId))!
    const timestamp = String(hit.headers['x-inloop-timestamp'])
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60)
    expect(hit.headers['x-inloop-signature']).toBe(webhookSignature(SECRET, timestamp, hit.body))
    expect(hit.headers['content-type']).toBe('application/json')
    const payload = JSON.parse(hit.body)
    expect(payload).toMatchObject({ type: 'inloop.message', run: { id: runId, flowId: 'hooked' }, message: { to: 'ada@example.com', purpose: 'request', link: expect.stringMatching(/^\/c\//) } })
    expect(hit.headers['x-inloop-message-id']).toBe(payload.message.id)
  })

  it('retries a failing delivery and records each attempt', async () => {
    receiver.statuses.push(500, 503)
    const runId = await startRun(t.api, 'hooked', input)
    await settle(t, () => receiver.hits.filter((h) => h.body.includes(runId)).length === 3)
    await settle(t, () => true)
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body as { type: string; attempt?: number; final?: boolean }[]
    expect(events.filter((e) => e.type === 'message.failed').map((e) => [e.attempt, e.final])).toEqual([
      [1, false],
      [2, false],
    ])
    expect(events.filter((e) => e.type === 'message.delivered')).toHaveLength(1)
    const ids = new Set(receiver.hits.filter((h) => h.body.includes(runId)).map((h) => h.headers['x-inloop-message-id']))
    expect(ids.size).toBe(1)
  })

  it('gives up after the last attempt and says so in the outbox', async () => {
    receiver.statuses.push(500, 500, 500)
    const runId = await startRun(t.api, 'hooked', input)
    await settle(t, () => receiver.hits.filter((h) => h.body.includes(runId)).length === 3)
    await settle(t, async () => (await t.server.store.runs.pendingDeliveries(100)).every((d) => d.runId !== runId))
    const [message] = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    expect(message.deliveries).toEqual([expect.objectContaining({ channel: 'webhook', status: 'failed', attempts: 3, error: 'the webhook answered 500' })])
    expect((await t.server.store.runs.pendingDeliveries(100)).filter((d) => d.runId === runId)).toEqual([])
  })
})

describe('deliveries across a restart', () => {
  let dataDir: string
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inloop-notify-'))
    receiver = await startReceiver()
  })
  afterEach(async () => {
    await receiver.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const serve = (url: string) => startServer({ port: 0, dataDir, examples: false, apiKey: '', adminPassword: 'restart-admin-password', passwordCost: 10, notify: config(url, 20) })
  const apiOf = async (server: RunningServer) => createApi(server.url, await sessionCookie(server.url, 'admin', 'restart-admin-password'))

  it('delivers after a restart what could not be delivered before it, once', async () => {
    // Nothing listens here: every attempt fails until the server stops.
    const first = await serve('http://127.0.0.1:9/closed')
    let runId: string
    try {
      const api = await apiOf(first)
      await publishFlow(api, chooseFlow('later'))
      runId = await startRun(api, 'later', input)
      await first.notifier.drain()
      expect(await first.store.runs.pendingDeliveries(10)).toHaveLength(1)
    } finally {
      await first.close()
    }
    const second = await serve(receiver.url)
    try {
      await settle({ server: second }, () => receiver.hits.length >= 1)
      await second.notifier.drain()
      expect(receiver.hits).toHaveLength(1)
      const events = (await (await apiOf(second))('GET', `/api/runs/${runId}/events`)).body as { type: string }[]
      expect(events.filter((e) => e.type === 'message.delivered')).toHaveLength(1)
      expect(await second.store.runs.pendingDeliveries(10)).toEqual([])
    } finally {
      await second.close()
    }
    const third = await serve(receiver.url)
    try {
      await third.notifier.drain()
      expect(receiver.hits).toHaveLength(1)
    } finally {
      await third.close()
    }
  })
})
