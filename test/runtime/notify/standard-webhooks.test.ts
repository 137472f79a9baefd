import { createServer, type IncomingMessage, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseNotifyConfig } from '../../../runtime/notify/config.js'
import { publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow } from '../../helpers/flows.js'

const input = { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] }
const OLD = `whsec_${randomBytes(24).toString('base64')}`
const NEW = `whsec_${randomBytes(24).toString('base64')}`
const PLAIN = 'a-plain-text-secret-of-some-length'

interface Hit {
  headers: IncomingMessage['headers']
  body: string
}

async function startReceiver(): Promise<{ url: string; hits: Hit[]; close(): Promise<void> }> {
  const hits: Hit[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hits.push({ headers: req.headers, body })
      res.statusCode = 204
      res.end()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/hook`, hits, close: () => new Promise((done) => server.close(() => done())) }
}

/** Deliver one real message with these secrets and return what the receiver got. */
async function deliverWith(secrets: string[], flowId: string): Promise<Hit> {
  const receiver = await startReceiver()
  const t: TestServer = await startTestServer({ notify: parseNotifyConfig({ webhook: { url: receiver.url, secrets }, retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 20 } }) })
  try {
    await publishFlow(t.api, chooseFlow(flowId))
    const runId = await startRun(t.api, flowId, input)
    const deadline = Date.now() + 5_000
    while (!receiver.hits.some((h) => h.body.includes(runId))) {
      if (Date.now() > deadline) throw new Error('no delivery arrived')
      await t.server.notifier.drain()
      await new Promise((r) => setTimeout(r, 15))
    }
    return receiver.hits.find((h) => h.body.includes(runId))!
  } finally {
    await t.close()
    await receiver.close()
  }
}

const headersOf = (hit: Hit) => ({
  'webhook-id': String(hit.headers['webhook-id']),
  'webhook-timestamp': String(hit.headers['webhook-timestamp']),
  'webhook-signature': String(hit.headers['webhook-signature']),
})

describe('outgoing webhooks, Standard Webhooks', () => {
  let single: Hit
  let rotating: Hit
  beforeAll(async () => {
    single = await deliverWith([OLD], 'signed')
    rotating = await deliverWith([NEW, OLD], 'rotating')
  })

  it('signs a real delivery so the standardwebhooks library verifies it', () => {
    const payload = new Webhook(OLD).verify(single.body, headersOf(single)) as { type: string; message: { id: string } }
    expect(payload.type).toBe('inloop.message')
    expect(single.headers['webhook-id']).toBe(payload.message.id)
    expect(String(single.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
  })

  it('is refused by the library with another secret or a changed body', () => {
    expect(() => new Webhook(NEW).verify(single.body, headersOf(single))).toThrow()
    expect(() => new Webhook(OLD).verify(single.body.replace('Ada', 'Eve'), headersOf(single))).toThrow()
  })

  it('verifies with the old and with the new secret while both are configured (rotation)', () => {
    expect(String(rotating.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(new Webhook(OLD).verify(rotating.body, headersOf(rotating))).toMatchObject({ type: 'inloop.message' })
    expect(new Webhook(NEW).verify(rotating.body, headersOf(rotating))).toMatchObject({ type: 'inloop.message' })
  })

  it('keeps the deprecated X-Inloop-Signature beside the standard headers', () => {
    expect(single.headers['x-inloop-signature']).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(single.headers['x-inloop-message-id']).toBe(single.headers['webhook-id'])
  })

  it('takes a plain-text secret as raw key bytes, as the library does with format raw', async () => {
    const hit = await deliverWith([PLAIN], 'plain')
    expect(new Webhook(PLAIN, { format: 'raw' }).verify(hit.body, headersOf(hit))).toMatchObject({ type: 'inloop.message' })
  })

  it('reads several secrets from INLOOP_WEBHOOK_SECRET, newest first', async () => {
    const { loadNotifyConfig } = await import('../../../runtime/notify/config.js')
    const config = loadNotifyConfig({ INLOOP_WEBHOOK_URL: 'http://127.0.0.1:1/hook', INLOOP_WEBHOOK_SECRET: `${NEW} ${OLD}` })
    expect(config.webhook?.secrets).toEqual([NEW, OLD])
  })
})
