/**
 * Few-shot from reviewed answers, checked at a local OpenAI-compatible
 * server: what it receives holds the most similar reviewed cases with the
 * answers people settled on, and no value of a field the flow marks personal
 * — neither of the case at hand nor of the examples. Off by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../../helpers/api.js'
import { flow } from '../../../helpers/flows.js'
import { completion, startFakeOpenAi, type FakeOpenAi } from '../../ai/openai/fake-openai.js'

const input = {
  type: 'object',
  required: ['customer', 'email', 'ticket'],
  properties: { customer: { type: 'string', 'x-personal': true }, email: { type: 'string', 'x-personal': true }, ticket: { type: 'string' } },
}

const tickets = (id: string, fewShot: number) =>
  flow(
    id,
    [
      { id: 'start', type: 'start' },
      { id: 'classify', type: 'ai-step', config: { task: 'classify', provider: 'openai', text: 'input.ticket', labels: ['billing', 'delivery'], prompt: 'Ticket from {{ input.customer }} <{{ input.email }}>: {{ input.ticket }}', fewShot } },
      { id: 'agent', type: 'human-review', config: { role: 'support', decisions: [{ name: 'send', label: 'Send' }], form: [{ name: 'category', label: 'Category', type: 'string', value: 'nodes.classify.label' }] } },
      { id: 'done', type: 'end', config: { outcome: 'answered' } },
    ],
    ['start.next->classify', 'classify.done->agent', 'agent.send->done'],
    { input },
  )

const PAST = [
  { customer: 'Ada Keller', email: 'ada@example.com', ticket: 'My parcel has not arrived, the tracking shows nothing for a week.', category: 'delivery' },
  { customer: 'Ben Ortiz', email: 'ben@example.org', ticket: 'The parcel arrived damaged and the tracking was wrong.', category: 'delivery' },
  { customer: 'Cleo Park', email: 'cleo@example.net', ticket: 'I was charged twice on my invoice this month.', category: 'billing' },
]

describe('few-shot from reviewed answers for a hosted model', () => {
  let t: TestServer
  let fake: FakeOpenAi
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    Object.assign(process.env, { INLOOP_OPENAI_BASE_URL: fake.baseUrl, INLOOP_OPENAI_MODEL: 'fake-model', INLOOP_OPENAI_MAX_RETRIES: '0' })
    t = await startTestServer()
    await publishFlow(t.api, tickets('tickets', 2))
    await publishFlow(t.api, tickets('tickets-plain', 0))
    for (const flowId of ['tickets', 'tickets-plain']) {
      for (const past of PAST) {
        // The model says billing every time; the agent corrects the parcel tickets.
        fake.script(completion({ label: 'billing', confidence: 0.6 }))
        const runId = await startRun(t.api, flowId, { customer: past.customer, email: past.email, ticket: past.ticket })
        await waitForRunStatus(t.api, runId, 'waiting')
        const [task] = await openTasks(t.api, runId)
        await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'send', data: { category: past.category } })
      }
    }
  })
  afterAll(async () => {
    for (const name of ['INLOOP_OPENAI_BASE_URL', 'INLOOP_OPENAI_MODEL', 'INLOOP_OPENAI_MAX_RETRIES']) delete process.env[name]
    await t.close()
    await fake.close()
  })

  const ask = async (flowId: string) => {
    fake.script(completion({ label: 'delivery', confidence: 0.9 }))
    await waitForRunStatus(t.api, await startRun(t.api, flowId, { customer: 'Dora Lind', email: 'dora@example.com', ticket: 'Where is my parcel? The tracking has not moved.' }), 'waiting')
    expect(fake.requests).toHaveLength(1)
    return fake.requests[0].body
  }

  it('puts the k most similar reviewed cases before the question, with the answers people settled on', async () => {
    const body = await ask('tickets')
    const roles = body.messages.map((m: any) => m.role)
    expect(roles).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user'])
    const shots = [body.messages[1].content, body.messages[3].content].join('\n')
    expect(shots).toContain('My parcel has not arrived')
    expect(shots).toContain('The parcel arrived damaged')
    expect(shots).not.toContain('charged twice')
    expect(JSON.parse(body.messages[2].content)).toEqual({ label: 'delivery', confidence: 1 })
    expect(body.messages[1].content).toContain('(A reviewer corrected category from "billing" to "delivery".)')
    expect(body.messages[5].content).toBe('Ticket from [customer] <[email]>: Where is my parcel? The tracking has not moved.')
  })

  it('sends no value of a field the flow marks personal, of the case or of any example', async () => {
    const sent = JSON.stringify(await ask('tickets'))
    for (const person of [...PAST, { customer: 'Dora Lind', email: 'dora@example.com' }]) {
      expect(sent).not.toContain(person.customer)
      expect(sent).not.toContain(person.email)
    }
    expect(sent).toContain('[customer]')
  })

  it('sends no reviewed cases when the step does not ask for them', async () => {
    const body = await ask('tickets-plain')
    expect(body.messages.map((m: any) => m.role)).toEqual(['system', 'user'])
    expect(body.messages[1].content).toBe('Ticket from [customer] <[email]>: Where is my parcel? The tracking has not moved.')
  })
})
