import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestToken, openTasks, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow, reviewFlow } from '../../helpers/flows.js'

describe('GET /api/runs/:id/audit', () => {
  let t: TestServer
  let runId: string
  beforeAll(async () => {
    t = await startTestServer()
    const f = reviewFlow('audited', { form: [{ name: 'amount', label: 'Amount', type: 'number', value: 'input.amount' }], proposal: '"approve"', approvals: 2 })
    Object.assign(f.nodes[1], { label: 'Credit check' })
    await publishFlow(t.api, f)
    const ivan = await t.people.as('ivan', { roles: ['designer'] })
    runId = await startRun(ivan, 'audited', { amount: 100 })
    const [task] = await openTasks(t.api, runId)
    const rita = await t.people.as('rita', { groups: ['checker'] })
    const sam = await t.people.as('sam', { groups: ['checker'] })
    await rita('POST', `/api/tasks/${task.id}/claim`)
    await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve', data: { amount: 90 } })
    await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject', reason: '=HYPERLINK("http://evil")' })
  })
  afterAll(() => t.close())

  it('tells who did what when, with reasons and corrections', async () => {
    const res = await t.api('GET', `/api/runs/${runId}/audit`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ runId, flowId: 'audited', flowName: 'audited', status: 'completed', outcome: 'rejected' })
    const people = res.body.entries.filter((e: { actor: string }) => e.actor !== 'system')
    expect(people.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`)).toEqual([
      'ivan run.started',
      'rita task.claimed',
      'rita task.approved',
      'sam task.decided',
    ])
    const decided = people.at(-1)
    expect(decided).toMatchObject({ step: 'Credit check', reason: '=HYPERLINK("http://evil")', summary: expect.stringContaining('“reject”') })
    const vote = people[2]
    expect(vote.details.data).toEqual({ amount: 90 })
    for (const e of res.body.entries) expect(e).toMatchObject({ seq: expect.any(Number), at: expect.any(String), summary: expect.any(String) })
  })

  it('records corrected fields in the decision', async () => {
    await publishFlow(t.api, reviewFlow('corrected', { form: [{ name: 'amount', label: 'Amount', type: 'number', value: 'input.amount' }] }))
    const id = await startRun(t.api, 'corrected', { amount: 100 })
    const [task] = await openTasks(t.api, id)
    await (await t.people.as('rita', { groups: ['checker'] }))('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve', data: { amount: 80 } })
    const decided = (await t.api('GET', `/api/runs/${id}/audit`)).body.entries.find((e: { action: string }) => e.action === 'task.decided')
    expect(decided.summary).toContain('corrected amount from 100 to 80')
    expect(decided.details.corrections).toEqual({ amount: { from: 100, to: 80 } })
  })

  it('exports CSV with a header, one row per entry, and formulas defused', async () => {
    const res = await t.api('GET', `/api/runs/${runId}/audit?format=csv`)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toContain(`run-${runId}-audit.csv`)
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toBe('seq,at,actor,action,step,summary,reason,details')
    const json = (await t.api('GET', `/api/runs/${runId}/audit`)).body
    expect(lines).toHaveLength(json.entries.length + 1)
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(res.text).not.toMatch(/,=HYPERLINK/)
  })

  it('exports JSON Lines, one entry per line', async () => {
    const res = await t.api('GET', `/api/runs/${runId}/audit?format=jsonl`)
    const entries = res.text.trim().split('\n').map((l) => JSON.parse(l))
    expect(entries[0]).toMatchObject({ action: 'run.started', actor: 'ivan' })
  })

  it('includes the customer’s answer', async () => {
    await publishFlow(t.api, chooseFlow('answered'))
    const id = await startRun(t.api, 'answered', { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] })
    await t.anonymous('POST', `/api/customer/${await latestToken(t.api, id)}`, { answer: 'choose', data: { option: '2026-02-01' } })
    const entries = (await t.api('GET', `/api/runs/${id}/audit`)).body.entries
    expect(entries.find((e: { actor: string }) => e.actor === 'customer')).toMatchObject({ action: 'customer.answered', summary: expect.stringContaining('2026-02-01') })
  })

  it('lets an owner read it and refuses a reviewer with 403', async () => {
    expect((await (await t.people.as('olga', { roles: ['owner'] }))('GET', `/api/runs/${runId}/audit`)).status).toBe(200)
    expect((await (await t.people.as('rita', { groups: ['checker'] }))('GET', `/api/runs/${runId}/audit`)).status).toBe(403)
  })

  it('answers 404 for a run that does not exist and 400 for an unknown format', async () => {
    expect((await t.api('GET', '/api/runs/r_nope/audit')).status).toBe(404)
    expect((await t.api('GET', `/api/runs/${runId}/audit?format=xml`)).status).toBe(400)
  })
})
