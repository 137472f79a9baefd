import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseNotifyConfig } from '../../../runtime/notify/config.js'
import { manualClock, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow, reviewFlow } from '../../helpers/flows.js'
import { fireDueTimers } from '../../../runtime/engine/index.js'

interface Mail {
  from: string
  to: string[]
  raw: string
}

/** A local SMTP server that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw })
        done()
      })
    },
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.server.address() as { port: number }
  return { port, mails, close: () => new Promise((done) => server.close(() => done())) }
}

describe('the SMTP channel', () => {
  const clock = manualClock()
  let smtp: Awaited<ReturnType<typeof startSmtp>>
  let t: TestServer
  beforeAll(async () => {
    smtp = await startSmtp()
    const notify = parseNotifyConfig({ smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'Inloop <inloop@example.com>' }, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } })
    t = await startTestServer({ clock, notify, publicUrl: 'https://inloop.example.com' })
    await publishFlow(t.api, chooseFlow('mailed'))
    await publishFlow(t.api, reviewFlow('reminded', { role: 'checker', due: 'P1D', onDeadline: 'remind' }))
  })
  afterAll(async () => {
    await t.close()
    await smtp.close()
  })

  it('mails the customer the request with a link to the portal, and records the delivery', async () => {
    const runId = await startRun(t.api, 'mailed', { name: 'Ada <b>Lovelace</b>', email: 'ada@example.com', dates: ['2026-02-01'] })
    await t.server.notifier.drain()
    const mail = smtp.mails.find((m) => m.raw.includes(runId))!
    expect(mail.to).toEqual(['ada@example.com'])
    expect(mail.from).toBe('inloop@example.com')
    const parsed = await simpleParser(mail.raw)
    expect(parsed.subject).toBe('Pick a delivery date')
    const [message] = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    expect(parsed.messageId).toBe(`<${message.id}@inloop>`)
    expect(parsed.text).toContain(`https://inloop.example.com${message.link}`)
    expect(parsed.html).toContain('Hello Ada &lt;b&gt;Lovelace&lt;/b&gt;')
    expect(parsed.html).not.toContain('<b>Lovelace')
    expect(message.deliveries).toEqual([expect.objectContaining({ channel: 'smtp', status: 'delivered', attempts: 1 })])
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    expect(events.filter((e: { type: string }) => e.type === 'message.delivered')).toEqual([expect.objectContaining({ channel: 'smtp', messageId: message.id })])
  })

  it('mails a reminder for a group to its reviewers that have an address', async () => {
    await t.people.as('rita', { groups: ['checker'], email: 'rita@example.com' })
    await t.people.as('sam', { groups: ['checker'] })
    const runId = await startRun(t.api, 'reminded', {})
    clock.advance(86_400_000 + 1)
    await fireDueTimers(t.server.engine)
    await t.server.notifier.drain()
    const reminder = smtp.mails.find((m) => m.raw.includes(runId))!
    expect(reminder.to).toEqual(['rita@example.com'])
  })

  it('sends nothing beyond the outbox for a designer’s test run', async () => {
    const before = smtp.mails.length
    const res = await t.api('POST', '/api/flows/mailed/test-runs', { input: { name: 'Test', email: 'test@example.com', dates: ['2026-02-01'] } })
    await t.server.notifier.drain()
    expect(smtp.mails.length).toBe(before)
    const [message] = (await t.api('GET', `/api/outbox?runId=${res.body.runId}`)).body
    expect(message.deliveries).toEqual([])
  })
})
