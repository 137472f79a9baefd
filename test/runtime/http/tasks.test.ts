import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { reviewFlow } from '../../helpers/flows.js'

describe('tasks', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
    await publishFlow(t.api, reviewFlow('single', { form: [{ name: 'amount', label: 'Amount', type: 'number', value: 'input.amount' }] }))
    await publishFlow(t.api, reviewFlow('four-eyes', { approvals: 2 }))
    await publishFlow(t.api, reviewFlow('proposed', { proposal: 'input.score >= 0.5 ? "approve" : "reject"' }))
  })
  afterAll(() => t.close())

  /** A decision by a signed-in reviewer of the tasks' group. */
  const decide = async (taskId: string, body: unknown, user = 'rita') => (await t.people.as(user, { groups: ['checker'] }))('POST', `/api/tasks/${taskId}/decision`, body)

  async function taskOf(flowId: string, input: Record<string, unknown> = { amount: 100 }, requester = 'ivan') {
    const runId = await startRun(await t.people.as(requester, { roles: ['designer'] }), flowId, input)
    const [task] = await openTasks(t.api, runId)
    return { runId, task }
  }

  it('lists open tasks of a run with their decisions', async () => {
    const { runId, task } = await taskOf('single')
    expect(task).toMatchObject({ id: expect.stringMatching(/^t_/), runId, nodeId: 'review', title: 'Check case', role: 'checker', decisions: ['approve', 'reject'], status: 'open' })
  })

  it('filters the inbox by role and status', async () => {
    const { task } = await taskOf('single')
    const mine = await t.api('GET', '/api/tasks?status=open&role=checker&limit=500')
    expect(mine.body.map((x: { id: string }) => x.id)).toContain(task.id)
    expect((await t.api('GET', '/api/tasks?status=open&role=nobody')).body).toEqual([])
    expect(Number(mine.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1)
  })

  it('refuses a bad inbox query with 400 naming the query field', async () => {
    const res = await t.api('GET', '/api/tasks?limit=lots')
    expect(res.status).toBe(400)
    expect(res.body.error.problems).toEqual([expect.objectContaining({ path: 'query.limit' })])
  })

  it('reads one task by id', async () => {
    const { task } = await taskOf('single')
    const res = await t.api('GET', `/api/tasks/${task.id}`)
    expect(res.status).toBe(200)
    expect(res.body.id).toBe(task.id)
    expect((await t.api('GET', '/api/tasks/t_nope')).status).toBe(404)
  })

  it('decides a task with 200 and the run continues by the decision port', async () => {
    const { runId, task } = await taskOf('single')
    const res = await decide(task.id, { decision: 'reject', reason: 'incomplete' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'decided', task: { status: 'decided', decision: { decision: 'reject', by: 'rita', reason: 'incomplete' } } })
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ status: 'completed', outcome: 'rejected' })
  })

  it('records corrected form fields next to the original values', async () => {
    const { task } = await taskOf('single', { amount: 100 })
    const res = await decide(task.id, { decision: 'approve', data: { amount: 80 } })
    expect(res.body.task.decision.corrections).toEqual({ amount: { from: 100, to: 80 } })
  })

  it('refuses a decision the task does not offer with 422', async () => {
    const { task } = await taskOf('single')
    const res = await decide(task.id, { decision: 'maybe' })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'DECISION_UNKNOWN', message: expect.stringContaining('approve, reject') })
  })

  it('refuses a field the task does not have with 422', async () => {
    const { task } = await taskOf('single')
    const res = await decide(task.id, { decision: 'approve', data: { bonus: 1 } })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('DECISION_INVALID')
  })

  it('refuses a body without a decision with 400', async () => {
    const { task } = await taskOf('single')
    const res = await decide(task.id, { reason: 'forgot' })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/decision/)
  })

  it('answers a second decision with 409 carrying the first', async () => {
    const { task } = await taskOf('single')
    await decide(task.id, { decision: 'approve' }, 'rita')
    const res = await decide(task.id, { decision: 'reject', reason: 'changed my mind' }, 'sam')
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'TASK_ALREADY_DECIDED', first: { decision: 'approve', by: 'rita' } })
  })

  it('lets exactly one of two concurrent decisions win', async () => {
    const { runId, task } = await taskOf('single')
    const results = await Promise.all([decide(task.id, { decision: 'approve' }, 'rita'), decide(task.id, { decision: 'reject', reason: 'no' }, 'sam')])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const loser = results.find((r) => r.status === 409)!
    const winner = results.find((r) => r.status === 200)!
    expect(loser.body.error.first.decision).toBe(winner.body.task.decision.decision)
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    expect(events.filter((e: { type: string }) => e.type === 'task.decided')).toHaveLength(1)
    expect(events.filter((e: { type: string }) => e.type === 'run.completed')).toHaveLength(1)
  })

  it('answers 404 for a decision on a task that does not exist', async () => {
    const res = await decide('t_nope', { decision: 'approve' })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('TASK_NOT_FOUND')
  })

  it('keeps a four-eyes task open after the first approval', async () => {
    const { runId, task } = await taskOf('four-eyes')
    const res = await decide(task.id, { decision: 'approve' }, 'rita')
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ status: 'pending', approvals: 1, required: 2 })
    expect(await openTasks(t.api, runId)).toHaveLength(1)
  })

  it('completes a four-eyes task with two distinct reviewers', async () => {
    const { runId, task } = await taskOf('four-eyes')
    await decide(task.id, { decision: 'approve' }, 'rita')
    const res = await decide(task.id, { decision: 'approve' }, 'sam')
    expect(res.status).toBe(200)
    expect(res.body.task.decision.reviewers).toEqual(['rita', 'sam'])
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ status: 'completed', outcome: 'approved' })
  })

  it('refuses the same reviewer approving a four-eyes task twice with 409', async () => {
    const { runId, task } = await taskOf('four-eyes')
    await decide(task.id, { decision: 'approve' }, 'rita')
    const res = await decide(task.id, { decision: 'approve' }, 'rita')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ALREADY_APPROVED')
    expect((await t.api('GET', `/api/runs/${runId}`)).body.status).toBe('waiting')
  })

  it('forbids the requester approving their own four-eyes run with 403', async () => {
    const { task } = await taskOf('four-eyes', {}, 'ivan')
    const res = await decide(task.id, { decision: 'approve' }, 'ivan')
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'SELF_APPROVAL', message: expect.stringContaining('ivan') })
  })

  it('refuses overriding the AI proposal without a reason with 422', async () => {
    const { task } = await taskOf('proposed', { score: 0.9 })
    expect(task.proposedDecision).toBe('approve')
    const res = await decide(task.id, { decision: 'reject' })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'REASON_REQUIRED', message: expect.stringContaining("'approve'") })
  })

  it('refuses a blank reason for an override with 422', async () => {
    const { task } = await taskOf('proposed', { score: 0.9 })
    const res = await decide(task.id, { decision: 'reject', reason: '   ' })
    expect(res.status).toBe(422)
  })

  it('accepts an override with a reason', async () => {
    const { runId, task } = await taskOf('proposed', { score: 0.9 })
    const res = await decide(task.id, { decision: 'reject', reason: 'income not documented' })
    expect(res.status).toBe(200)
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ outcome: 'rejected' })
  })

  it('accepts following the AI proposal without a reason', async () => {
    const { task } = await taskOf('proposed', { score: 0.9 })
    expect((await decide(task.id, { decision: 'approve' })).status).toBe(200)
  })

  it('lets exactly one of three reviewers approving a four-eyes task at once complete it', async () => {
    const { runId, task } = await taskOf('four-eyes')
    const results = await Promise.all(['rita', 'sam', 'tom'].map((user) => decide(task.id, { decision: 'approve' }, user)))
    expect(results.map((r) => r.status).sort()).toEqual([200, 202, 409])
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    expect(events.filter((e: { type: string }) => e.type === 'task.decided')).toHaveLength(1)
    expect(events.filter((e: { type: string }) => e.type === 'run.completed')).toHaveLength(1)
  })
})
