import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type Api, type TestServer } from '../../helpers/api.js'
import { flow } from '../../helpers/flows.js'

/** A person looks first; then a rule compares the amount with the `limit` parameter. */
const refund = flow(
  'refund',
  [
    { id: 'start', type: 'start' },
    { id: 'look', type: 'human-review', config: { role: 'support' } },
    { id: 'check', type: 'rule', config: { rules: [{ when: 'input.amount >= params.limit', port: 'big' }] } },
    { id: 'big', type: 'end', config: { outcome: 'escalated' } },
    { id: 'small', type: 'end', config: { outcome: 'refunded' } },
  ],
  ['start.next->look', 'look.approve->check', 'look.reject->small', 'check.big->big', 'check.default->small'],
  { parameters: [{ name: 'limit', label: 'Escalate from', type: 'number', value: 100, min: 0, max: 10_000, unit: 'EUR' }] },
)

describe('parameters for owners', () => {
  let t: TestServer
  let olga: Api
  beforeAll(async () => {
    t = await startTestServer()
    await publishFlow(t.api, refund)
    olga = await t.people.as('olga', { roles: ['owner'] })
  })
  afterAll(() => t.close())

  const decide = async (runId: string) => {
    const [task] = await openTasks(t.api, runId)
    const res = await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(res.status, res.text).toBe(200)
    return waitForRunStatus(t.api, runId)
  }
  const startedWith = async (runId: string) => (await t.api('GET', `/api/runs/${runId}/events`)).body[0]

  it('shows the flow’s parameters with their bounds and the values in force', async () => {
    const res = await t.api('GET', '/api/flows/refund/parameters')
    expect(res.body).toMatchObject({
      flowId: 'refund',
      flowVersion: 1,
      requireApproval: false,
      parameters: [{ name: 'limit', label: 'Escalate from', type: 'number', unit: 'EUR', min: 0, max: 10_000, default: 100, value: 100 }],
      values: { limit: 100 },
      current: null,
      pending: [],
    })
  })

  it('refuses unknown parameters, values out of bounds and a change without a reason', async () => {
    expect((await t.api('POST', '/api/flows/refund/parameters', { values: { limt: 5 }, reason: 'typo' })).body.error.code).toBe('PARAMETER_UNKNOWN')
    const bad = await t.api('POST', '/api/flows/refund/parameters', { values: { limit: 20_000 }, reason: 'too high' })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ code: 'PARAMETER_INVALID', message: 'limit (Escalate from) must be at most 10000 EUR' })
    expect((await t.api('POST', '/api/flows/refund/parameters', { values: { limit: 5 } })).status).toBe(400)
  })

  it('gives new runs the saved values while a waiting run keeps its own', async () => {
    const waiting = await startRun(t.api, 'refund', { amount: 500 })
    const saved = await t.api('POST', '/api/flows/refund/parameters', { values: { limit: 1000 }, reason: 'fewer escalations' })
    expect(saved.status, saved.text).toBe(201)
    expect(saved.body).toMatchObject({ version: 1, kind: 'change', values: { limit: 1000 }, status: 'approved', createdBy: 'admin', reason: 'fewer escalations', effectiveFrom: expect.any(String) })
    const fresh = await startRun(t.api, 'refund', { amount: 500 })
    expect(await startedWith(fresh)).toMatchObject({ params: { limit: 1000 }, parametersVersion: 1 })
    expect(await startedWith(waiting)).toMatchObject({ params: { limit: 100 } })
    expect((await decide(waiting)).outcome).toBe('escalated')
    expect((await decide(fresh)).outcome).toBe('refunded')
  })

  it('holds a change for a second person when approval is required', async () => {
    await t.api('PUT', '/api/flows/refund/parameters/policy', { requireApproval: true })
    const proposed = (await t.api('POST', '/api/flows/refund/parameters', { values: { limit: 50 }, reason: 'stricter' })).body
    expect(proposed).toMatchObject({ version: 2, status: 'pending' })
    expect(await startedWith(await startRun(t.api, 'refund', { amount: 1 }))).toMatchObject({ params: { limit: 1000 }, parametersVersion: 1 })
    const self = await t.api('POST', '/api/flows/refund/parameters/versions/2/approve', {})
    expect(self.status).toBe(403)
    expect(self.body.error.code).toBe('SELF_APPROVAL')
    const approved = await olga('POST', '/api/flows/refund/parameters/versions/2/approve', { note: 'ok' })
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'olga', decisionNote: 'ok' })
    expect(await startedWith(await startRun(t.api, 'refund', { amount: 1 }))).toMatchObject({ params: { limit: 50 }, parametersVersion: 2 })
  })

  it('lets a pending change be rejected, leaving the values in force', async () => {
    await t.api('POST', '/api/flows/refund/parameters', { values: { limit: 1 }, reason: 'experiment' })
    const rejected = await olga('POST', '/api/flows/refund/parameters/versions/3/reject', { note: 'too strict' })
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: 'olga' })
    expect((await t.api('GET', '/api/flows/refund/parameters')).body.values).toEqual({ limit: 50 })
    expect((await olga('POST', '/api/flows/refund/parameters/versions/3/approve', {})).body.error.code).toBe('PARAMETERS_NOT_PENDING')
  })

  it('rolls back to an earlier version as a new version, under the same approval', async () => {
    const rollback = await olga('POST', '/api/flows/refund/parameters/rollback', { version: 1, reason: 'back to the old limit' })
    expect(rollback.body).toMatchObject({ version: 4, kind: 'rollback', rollbackOf: 1, values: { limit: 1000 }, status: 'pending' })
    await t.api('POST', '/api/flows/refund/parameters/versions/4/approve', {})
    const view = (await t.api('GET', '/api/flows/refund/parameters')).body
    expect(view).toMatchObject({ values: { limit: 1000 }, current: { version: 4 } })
    const history = (await t.api('GET', '/api/flows/refund/parameters/versions')).body
    expect(history.map((v: any) => [v.version, v.status])).toEqual([[4, 'approved'], [3, 'rejected'], [2, 'approved'], [1, 'approved']])
  })

  it('refuses a rollback to a version that was never in force', async () => {
    const res = await t.api('POST', '/api/flows/refund/parameters/rollback', { version: 3, reason: 'x' })
    expect(res.body.error.code).toBe('PARAMETERS_NOT_APPROVED')
  })

  it('answers 404 for a flow that does not exist and 409 for one never published', async () => {
    expect((await t.api('GET', '/api/flows/nope/parameters')).status).toBe(404)
    await t.api('PUT', '/api/flows/draft-only', { ...refund, id: 'draft-only' })
    expect((await t.api('GET', '/api/flows/draft-only/parameters')).body.error.code).toBe('FLOW_NOT_PUBLISHED')
  })
})
