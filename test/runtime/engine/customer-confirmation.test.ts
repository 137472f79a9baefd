import { describe, expect, it } from 'vitest'
import { answerCustomer, fireDueTimers } from '../../../runtime/engine/index.js'
import { outboxViews } from '../../../runtime/notify/outbox-view.js'
import { createTestEngine, flow } from './harness.js'

const DAY = 86_400_000

function chooseFlow() {
  return flow(
    'delivery',
    [
      { id: 'start', type: 'start' },
      {
        id: 'ask',
        type: 'customer-confirmation',
        config: {
          kind: 'choose',
          to: 'input.email',
          subject: 'Pick a delivery date',
          message: 'Hello {{ input.name }}, when should we deliver?',
          options: 'input.dates',
          allowOther: true,
          expiresIn: 'P3D',
          remindBefore: ['P1D'],
        },
      },
      { id: 'chosen', type: 'end', config: { outcome: 'chosen' } },
      { id: 'other', type: 'end', config: { outcome: 'other' } },
      { id: 'expired', type: 'end', config: { outcome: 'expired' } },
    ],
    ['start.next->ask', 'ask.choose->chosen', 'ask.other->other', 'ask.expired->expired'],
  )
}

async function startAsking() {
  const t = createTestEngine()
  await t.publish(chooseFlow())
  const { runId, state } = await t.engine.startRun({
    flowId: 'delivery',
    input: { email: 'ada@example.com', name: 'Ada', dates: ['2026-01-08', '2026-01-09'] },
  })
  const [message] = await outboxOf(t, runId)
  const token = message.link!.slice('/c/'.length)
  return { t, runId, state, message, token }
}

/** The run's outbox as it is read: the link derived again from the run and the secret. */
async function outboxOf(t: ReturnType<typeof createTestEngine>, runId: string) {
  return outboxViews(await t.store.runs.listOutbox({ runId }), t.store.runs, t.engine.deps.links)
}

describe('customer confirmation', () => {
  it('sends the customer a signed link through the outbox in the same commit', async () => {
    const { state, message } = await startAsking()
    expect(state.status).toBe('waiting')
    expect(message).toMatchObject({ to: 'ada@example.com', subject: 'Pick a delivery date', body: 'Hello Ada, when should we deliver?', purpose: 'request' })
    expect(message.link).toMatch(/^\/c\/[A-Za-z0-9_-]{40,}$/)
  })

  it('stores only a hash of the token, in neither the log nor the outbox', async () => {
    const { t, runId, token } = await startAsking()
    const events = JSON.stringify(await t.store.runs.getEvents(runId))
    expect(events).not.toContain(token)
    expect(JSON.stringify(await t.store.runs.listOutbox({ runId }))).not.toContain(token)
  })

  it('continues by the answer port with the chosen option', async () => {
    const { t, token } = await startAsking()
    const run = await answerCustomer(t.engine, token, { answer: 'choose', data: { option: '2026-01-09' } })
    expect(run).toMatchObject({ status: 'completed', outcome: 'chosen', output: { answer: 'choose', option: '2026-01-09' } })
  })

  it('refuses an option that was not offered', async () => {
    const { t, token } = await startAsking()
    await expect(answerCustomer(t.engine, token, { answer: 'choose', data: { option: '2030-01-01' } })).rejects.toMatchObject({ code: 'ANSWER_INVALID' })
  })

  it('refuses a replayed link and keeps the first answer', async () => {
    const { t, runId, token } = await startAsking()
    await answerCustomer(t.engine, token, { answer: 'other', data: { comment: 'next week please' } })
    await expect(answerCustomer(t.engine, token, { answer: 'choose', data: { option: '2026-01-08' } })).rejects.toMatchObject({ code: 'REQUEST_ANSWERED' })
    expect((await t.store.runs.getRun(runId))!.outcome).toBe('other')
  })

  it('refuses forged and truncated tokens', async () => {
    const { t, token } = await startAsking()
    await expect(answerCustomer(t.engine, token.slice(0, -4), { answer: 'other' })).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND' })
    await expect(answerCustomer(t.engine, 'A'.repeat(43), { answer: 'other' })).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND' })
  })

  it('reminds a day before expiry with the same link', async () => {
    const { t, runId, message } = await startAsking()
    t.advanceClock(2 * DAY + 1000)
    await fireDueTimers(t.engine)
    const outbox = await outboxOf(t, runId)
    expect(outbox.map((m) => m.purpose)).toEqual(['request', 'reminder'])
    expect(outbox[1].link).toBe(message.link)
  })

  it('leaves by the expired port when nobody answers, after which the link is refused', async () => {
    const { t, runId, token } = await startAsking()
    t.advanceClock(3 * DAY + 1000)
    await fireDueTimers(t.engine)
    expect((await t.store.runs.getRun(runId))!.outcome).toBe('expired')
    await expect(answerCustomer(t.engine, token, { answer: 'other' })).rejects.toMatchObject({ code: 'REQUEST_EXPIRED', status: 410 })
  })

  it('refuses an expired link even before the expiry timer has fired', async () => {
    const { t, token } = await startAsking()
    t.advanceClock(3 * DAY + 1000)
    await expect(answerCustomer(t.engine, token, { answer: 'other' })).rejects.toMatchObject({ code: 'REQUEST_EXPIRED' })
  })
})
