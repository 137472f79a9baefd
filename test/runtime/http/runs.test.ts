import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { reviewFlow, ruleFlow } from '../../helpers/flows.js'

describe('runs', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
    await publishFlow(t.api, reviewFlow('waits'))
    await publishFlow(t.api, ruleFlow('instant', 'input.n > 1', { type: 'object', required: ['n'], properties: { n: { type: 'number' } } }))
  })
  afterAll(() => t.close())

  it('starts a run with 201 and its id', async () => {
    const res = await t.api('POST', '/api/flows/instant/runs', { input: { n: 2 } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ runId: expect.stringMatching(/^r_/) })
  })

  it('shows a finished run with its status, outcome and output', async () => {
    const runId = await startRun(t.api, 'instant', { n: 2 })
    const res = await t.api('GET', `/api/runs/${runId}`)
    expect(res.body).toMatchObject({ id: runId, flowId: 'instant', flowVersion: 1, status: 'completed', outcome: 'yes', output: { outcome: 'yes' } })
  })

  it('refuses input that does not match the flow input schema with 422 naming the field', async () => {
    const res = await t.api('POST', '/api/flows/instant/runs', { input: { n: 'two' } })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'INPUT_INVALID', problems: [expect.objectContaining({ path: 'input.n' })] })
  })

  it('answers 404 when starting a run of a flow that does not exist', async () => {
    const res = await t.api('POST', '/api/flows/ghost/runs', { input: {} })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('FLOW_NOT_FOUND')
  })

  it('returns the first run for a repeated idempotency key', async () => {
    const first = await t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'order-17' })
    const second = await t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'order-17' })
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.body).toEqual({ runId: first.body.runId, created: false })
    const runs = await t.api('GET', '/api/runs?flowId=waits&limit=500')
    expect(runs.body.filter((r: { id: string }) => r.id === first.body.runId)).toHaveLength(1)
  })

  it('starts exactly one run for the same idempotency key sent twice at once', async () => {
    const [a, b] = await Promise.all([
      t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'burst-1' }),
      t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'burst-1' }),
    ])
    expect(a.body.runId).toBe(b.body.runId)
    expect([a.status, b.status].sort()).toEqual([200, 201])
  })

  it('refuses a repeated idempotency key with another input with 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const first = await t.api('POST', '/api/flows/waits/runs', { input: { n: 1 }, idempotencyKey: 'order-18' })
    const second = await t.api('POST', '/api/flows/waits/runs', { input: { n: 2 }, idempotencyKey: 'order-18' })
    expect(first.status).toBe(201)
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', runId: first.body.runId })
    expect(second.body.error.message).toContain(first.body.runId)
  })

  it('starts separate runs for different idempotency keys', async () => {
    const a = await t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'k-a' })
    const b = await t.api('POST', '/api/flows/waits/runs', { input: {}, idempotencyKey: 'k-b' })
    expect(a.body.runId).not.toBe(b.body.runId)
  })

  it('lists runs filtered by flow and status', async () => {
    const waiting = await startRun(t.api, 'waits', {})
    const done = await startRun(t.api, 'instant', { n: 0 })
    const waitingOnes = await t.api('GET', '/api/runs?flowId=waits&status=waiting&limit=500')
    expect(waitingOnes.status).toBe(200)
    expect(waitingOnes.body.map((r: { id: string }) => r.id)).toContain(waiting)
    expect(waitingOnes.body.every((r: { flowId: string; status: string }) => r.flowId === 'waits' && r.status === 'waiting')).toBe(true)
    const completed = await t.api('GET', '/api/runs?flowId=instant&status=completed&limit=500')
    expect(completed.body.map((r: { id: string }) => r.id)).toContain(done)
    expect(completed.body.map((r: { id: string }) => r.id)).not.toContain(waiting)
    expect((await t.api('GET', '/api/runs?flowId=waits&status=completed')).body).toEqual([])
  })

  it('refuses an unknown status filter with 400 naming the query field', async () => {
    const res = await t.api('GET', '/api/runs?status=sleeping')
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', problems: [expect.objectContaining({ path: 'query.status' })] })
    expect(res.body.error.message).toMatch(/^query\.status: /)
  })

  it('refuses a negative events cursor with 400 naming the query field', async () => {
    const runId = await startRun(t.api, 'instant', { n: 5 })
    const res = await t.api('GET', `/api/runs/${runId}/events?after=-1`)
    expect(res.status).toBe(400)
    expect(res.body.error.problems).toEqual([expect.objectContaining({ path: 'query.after' })])
  })

  it('returns only the events after a cursor', async () => {
    const runId = await startRun(t.api, 'instant', { n: 5 })
    const all = (await t.api('GET', `/api/runs/${runId}/events`)).body
    const rest = (await t.api('GET', `/api/runs/${runId}/events?after=2`)).body
    expect(rest).toEqual(all.slice(2))
  })

  it('returns the event log of a run in order', async () => {
    const runId = await startRun(t.api, 'instant', { n: 5 })
    const res = await t.api('GET', `/api/runs/${runId}/events`)
    expect(res.status).toBe(200)
    expect(res.body.map((e: { seq: number }) => e.seq)).toEqual(res.body.map((_: unknown, i: number) => i + 1))
    expect(res.body[0].type).toBe('run.started')
    expect(res.body.at(-1).type).toBe('run.completed')
  })

  it('answers 404 for the run and events of an unknown run', async () => {
    expect((await t.api('GET', '/api/runs/r_nope')).status).toBe(404)
    expect((await t.api('GET', '/api/runs/r_nope/events')).status).toBe(404)
  })

  it('cancels a waiting run and closes its task', async () => {
    const runId = await startRun(t.api, 'waits', {})
    const [task] = await openTasks(t.api, runId)
    const res = await t.api('POST', `/api/runs/${runId}/cancel`, { reason: 'customer withdrew' })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('cancelled')
    expect(await openTasks(t.api, runId)).toEqual([])
    const decided = await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(decided.status).toBe(409)
    expect(decided.body.error.code).toBe('TASK_CLOSED')
  })

  it('refuses to cancel a finished run with 409', async () => {
    const runId = await startRun(t.api, 'instant', { n: 5 })
    const res = await t.api('POST', `/api/runs/${runId}/cancel`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('RUN_NOT_CANCELLABLE')
  })

  it('answers 404 when cancelling a run that does not exist', async () => {
    const res = await t.api('POST', '/api/runs/r_nope/cancel', {})
    expect(res.status).toBe(404)
  })

  it('shows what a waiting run waits on', async () => {
    const runId = await startRun(t.api, 'waits', {})
    const [task] = await openTasks(t.api, runId)
    const run = await waitForRunStatus(t.api, runId, 'waiting')
    expect(run.waitingOn).toEqual([expect.objectContaining({ nodeId: 'review', tasks: [task.id], requests: [] })])
  })

  it('retries a failed run from the step that failed', async () => {
    await publishFlow(t.api, ruleFlow('fragile', 'input.n > 1'))
    const runId = await startRun(t.api, 'fragile', {})
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ status: 'failed', error: { nodeId: 'check', message: expect.stringContaining('n') } })
    const res = await t.api('POST', `/api/runs/${runId}/retry`)
    expect(res.status).toBe(200)
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    expect(events.filter((e: { type: string }) => e.type === 'run.retried')).toHaveLength(1)
  })

  it('refuses to retry a run that did not fail with 409', async () => {
    const runId = await startRun(t.api, 'instant', { n: 5 })
    const res = await t.api('POST', `/api/runs/${runId}/retry`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('RUN_NOT_RETRYABLE')
  })

  it('test-runs a draft sent in the body without publishing it', async () => {
    const draft = ruleFlow('draft-only', 'input.n == 3')
    const res = await t.api('POST', '/api/flows/draft-only/test-runs', { flow: draft, input: { n: 3 } })
    expect(res.status).toBe(201)
    expect(await waitForRunStatus(t.api, res.body.runId)).toMatchObject({ status: 'completed', outcome: 'yes', test: true, flowVersion: 0 })
    expect((await t.api('GET', '/api/flows/draft-only/versions')).status).toBe(404)
  })

  it('refuses to test-run an invalid draft with 422 and its problems', async () => {
    const draft = { ...ruleFlow('draft-bad', 'input.n == 3'), edges: [] }
    const res = await t.api('POST', '/api/flows/draft-bad/test-runs', { flow: draft, input: {} })
    expect(res.status).toBe(422)
    expect(res.body.error.problems.length).toBeGreaterThan(0)
  })
})
