/**
 * The two people-centred examples along the paths the generic driver does
 * not take: a customer who asks for another date, one who never answers, a
 * customer who rejects a contract change.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../runtime/engine/index.js'
import { PROJECT_ROOT } from '../../runtime/version.js'
import { latestToken, manualClock, openTasks, startRun, startTestServer, waitForRunStatus, type TestServer } from '../helpers/api.js'

const DAY = 86_400_000
const samples = (name: string): { name: string; input: Record<string, unknown> }[] => JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', `${name}.inputs.json`), 'utf8'))
const delivery = samples('delivery-date')
const contract = samples('contract-adjustment')

describe('the delivery-date example', () => {
  const clock = manualClock('2030-03-01T08:00:00.000Z')
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true, clock })
  })
  afterAll(() => t.close())

  it('offers the customer the dates the AI found in the planner’s note', async () => {
    const runId = await startRun(t.api, 'delivery-date', delivery[0].input)
    const shown = await t.anonymous('GET', `/api/customer/${await latestToken(t.api, runId)}`)
    expect(shown.body).toMatchObject({ kind: 'choose', answers: ['choose', 'other'], subject: 'Choose your delivery date for order A-1042' })
    expect(shown.body.options.map((o: { value: string }) => o.value)).toEqual(['2030-03-12', '2030-03-14', '2030-03-18'])
  })

  it('schedules the date the customer picks', async () => {
    const runId = await startRun(t.api, 'delivery-date', delivery[1].input)
    await t.anonymous('POST', `/api/customer/${await latestToken(t.api, runId)}`, { answer: 'choose', data: { option: '2030-04-05' } })
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'scheduled', output: { deliveryDate: '2030-04-05', chosenBy: 'customer' } })
  })

  it('reminds a customer who does not answer, then falls back to the first date', async () => {
    const runId = await startRun(t.api, 'delivery-date', delivery[0].input)
    clock.advance(2 * DAY + 1)
    await fireDueTimers(t.server.engine)
    const outbox = (await t.api('GET', `/api/outbox?runId=${runId}`)).body
    expect(outbox.map((m: { purpose: string }) => m.purpose)).toEqual(['request', 'reminder'])
    clock.advance(DAY)
    await fireDueTimers(t.server.engine)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'default-date', output: { deliveryDate: '2030-03-12', chosenBy: 'default' } })
    clock.set('2030-03-01T08:00:00.000Z')
  })

  it('sends a customer who asks for another date to a dispatcher', async () => {
    const runId = await startRun(t.api, 'delivery-date', delivery[0].input)
    await t.anonymous('POST', `/api/customer/${await latestToken(t.api, runId)}`, { answer: 'other', data: { comment: 'Only Saturdays, please' } })
    const [task] = await openTasks(t.api, runId)
    expect(task).toMatchObject({ role: 'dispatcher', title: 'Arrange a delivery date with Ada Keller (order A-1042)' })
    const dispatcher = await t.people.as('dora', { groups: ['dispatcher'] })
    expect((await dispatcher('POST', `/api/tasks/${task.id}/decision`, { decision: 'arranged', data: { deliveryDate: '2030-03-16' } })).status).toBe(200)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'scheduled-by-hand', output: { deliveryDate: '2030-03-16', chosenBy: 'dora' } })
  })

  it('asks a dispatcher straight away when the note names no date', async () => {
    const runId = await startRun(t.api, 'delivery-date', delivery[2].input)
    expect(await openTasks(t.api, runId)).toEqual([expect.objectContaining({ role: 'dispatcher' })])
    expect((await t.api('GET', `/api/outbox?runId=${runId}`)).body).toEqual([])
  })
})

describe('the contract-adjustment example', () => {
  const clock = manualClock('2030-03-01T08:00:00.000Z')
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true, clock })
  })
  afterAll(() => t.close())

  it('applies a change the customer confirms', async () => {
    const runId = await startRun(t.api, 'contract-adjustment', contract[0].input)
    await t.anonymous('POST', `/api/customer/${await latestToken(t.api, runId)}`, { answer: 'confirm' })
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'applied', output: { contractId: 'C-2201' } })
  })

  it('opens a task for an account manager when the customer rejects, with the customer’s reason', async () => {
    const runId = await startRun(t.api, 'contract-adjustment', contract[0].input)
    await t.anonymous('POST', `/api/customer/${await latestToken(t.api, runId)}`, { answer: 'reject', data: { comment: 'Too expensive for me' } })
    const [task] = await openTasks(t.api, runId)
    expect(task).toMatchObject({ role: 'account-manager', decisions: ['keep', 'amend'], title: 'Ada Keller rejected a change to C-2201' })
    expect(JSON.stringify(task.show)).toContain('Too expensive for me')
    const manager = await t.people.as('max', { groups: ['account-manager'] })
    const page = await manager('GET', `/api/tasks/${task.id}`)
    expect(page.body.history).toEqual([expect.objectContaining({ kind: 'customer', answer: 'reject', data: { comment: 'Too expensive for me' } })])
    await manager('POST', `/api/tasks/${task.id}/decision`, { decision: 'amend', data: { change: 'Plus at 21.90 EUR a month' } })
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'amended', output: { change: 'Plus at 21.90 EUR a month' } })
  })

  it('leaves the contract unchanged when the customer never answers', async () => {
    const runId = await startRun(t.api, 'contract-adjustment', contract[1].input)
    clock.advance(7 * DAY + 1)
    await fireDueTimers(t.server.engine)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'unanswered' })
    const purposes = (await t.api('GET', `/api/outbox?runId=${runId}`)).body.map((m: { purpose: string }) => m.purpose)
    expect(purposes).toEqual(['request', 'reminder'])
  })
})
