import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { flow, reviewFlow } from '../../helpers/flows.js'

describe('flows and versions', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('saves a draft and reads it back with who saved it', async () => {
    const f = reviewFlow('crud-read')
    const dana = await t.people.as('dana', { roles: ['designer'] })
    const saved = await dana('PUT', '/api/flows/crud-read', f)
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({ ok: true, problems: [] })
    const read = await t.api('GET', '/api/flows/crud-read')
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ flow: { id: 'crud-read', nodes: f.nodes, edges: f.edges }, updatedBy: 'dana', latestVersion: 0 })
  })

  it('lists saved flows', async () => {
    await t.api('PUT', '/api/flows/crud-list', reviewFlow('crud-list'))
    const res = await t.api('GET', '/api/flows')
    expect(res.status).toBe(200)
    expect(res.body).toContainEqual(expect.objectContaining({ id: 'crud-list', name: 'crud-list', latestVersion: 0, hasDraftChanges: true }))
  })

  it('keeps a draft with graph problems and returns them, so work in progress is never lost', async () => {
    const f = flow('crud-wip', [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }], [])
    const res = await t.api('PUT', '/api/flows/crud-wip', f)
    expect(res.status).toBe(200)
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'port.unconnected' }))
    expect((await t.api('GET', '/api/flows/crud-wip')).status).toBe(200)
  })

  it('refuses a draft that is not a flow document with 422', async () => {
    const res = await t.api('PUT', '/api/flows/crud-shape', { id: 'crud-shape', nodes: 'many' })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'FLOW_SHAPE', problems: expect.arrayContaining([expect.objectContaining({ path: '$.nodes' })]) })
  })

  it('refuses a draft whose id differs from the URL with 422', async () => {
    const res = await t.api('PUT', '/api/flows/crud-other', reviewFlow('crud-mismatch'))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('FLOW_ID_MISMATCH')
  })

  it('answers 404 for a flow that does not exist', async () => {
    const res = await t.api('GET', '/api/flows/nope')
    expect(res.status).toBe(404)
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: "flow 'nope' does not exist" })
  })

  it('publishes a valid draft as version 1, then 2', async () => {
    await t.api('PUT', '/api/flows/crud-pub', reviewFlow('crud-pub'))
    const first = await t.api('POST', '/api/flows/crud-pub/publish', { note: 'first' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ version: 1 })
    const second = await t.api('POST', '/api/flows/crud-pub/publish', {})
    expect(second.body).toEqual({ version: 2 })
  })

  it('refuses to publish an invalid draft with 422 and every problem', async () => {
    const f = flow('crud-bad', [{ id: 'start', type: 'start' }, { id: 'x', type: 'nope' }, { id: 'end', type: 'end' }], ['start.next->ghost'])
    await t.api('PUT', '/api/flows/crud-bad', f)
    const res = await t.api('POST', '/api/flows/crud-bad/publish', {})
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('FLOW_INVALID')
    const codes = res.body.error.problems.map((p: { code: string }) => p.code)
    expect(codes).toEqual(expect.arrayContaining(['node.unknown-type', 'edge.dangling', 'node.unreachable']))
    expect((await t.api('GET', '/api/flows/crud-bad/versions')).body).toEqual([])
  })

  it('lists versions with who published them and the note', async () => {
    await t.api('PUT', '/api/flows/crud-ver', reviewFlow('crud-ver'))
    const owen = await t.people.as('owen', { roles: ['designer'] })
    await owen('POST', '/api/flows/crud-ver/publish', { note: 'go live' })
    const res = await t.api('GET', '/api/flows/crud-ver/versions')
    expect(res.status).toBe(200)
    expect(res.body).toEqual([{ version: 1, publishedAt: expect.any(String), publishedBy: 'owen', note: 'go live' }])
  })

  it('serves a published version as it was when published', async () => {
    await t.api('PUT', '/api/flows/crud-frozen', reviewFlow('crud-frozen'))
    await t.api('POST', '/api/flows/crud-frozen/publish', {})
    await t.api('PUT', '/api/flows/crud-frozen', { ...reviewFlow('crud-frozen'), name: 'renamed' })
    const v1 = await t.api('GET', '/api/flows/crud-frozen/versions/1')
    expect(v1.status).toBe(200)
    expect(v1.body.name).toBe('crud-frozen')
    expect((await t.api('GET', '/api/flows/crud-frozen/versions/2')).status).toBe(404)
  })

  it('deletes a flow', async () => {
    await t.api('PUT', '/api/flows/crud-del', reviewFlow('crud-del'))
    expect((await t.api('DELETE', '/api/flows/crud-del')).status).toBe(204)
    expect((await t.api('GET', '/api/flows/crud-del')).status).toBe(404)
  })

  it('refuses to delete a flow while a run of it waits, since the run could never resume', async () => {
    await publishFlow(t.api, reviewFlow('crud-busy'))
    const runId = await startRun(t.api, 'crud-busy', {})
    const res = await t.api('DELETE', '/api/flows/crud-busy')
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'FLOW_IN_USE', message: expect.stringContaining(runId) })
    expect((await t.api('GET', '/api/flows/crud-busy/versions/1')).status).toBe(200)
  })

  it('deletes a flow once its runs are finished', async () => {
    await publishFlow(t.api, reviewFlow('crud-idle'))
    const runId = await startRun(t.api, 'crud-idle', {})
    await t.api('POST', `/api/runs/${runId}/cancel`, {})
    expect((await t.api('DELETE', '/api/flows/crud-idle')).status).toBe(204)
  })

  it('refuses to start a run of a flow that was never published with 409', async () => {
    await t.api('PUT', '/api/flows/crud-unpub', reviewFlow('crud-unpub'))
    const res = await t.api('POST', '/api/flows/crud-unpub/runs', { input: {} })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('FLOW_NOT_PUBLISHED')
  })

  it('starts a run on the latest published version', async () => {
    await publishFlow(t.api, reviewFlow('crud-latest'))
    await publishFlow(t.api, reviewFlow('crud-latest'))
    const runId = await startRun(t.api, 'crud-latest', {})
    expect((await t.api('GET', `/api/runs/${runId}`)).body.flowVersion).toBe(2)
  })

  it('keeps a waiting run on its version when a new version is published, and continues it on the old graph', async () => {
    await publishFlow(t.api, reviewFlow('pinned', {}, { approve: 'approved-v1', reject: 'rejected-v1' }))
    const runId = await startRun(t.api, 'pinned', { name: 'Ada' })
    await waitForRunStatus(t.api, runId, 'waiting')
    const v2 = flow(
      'pinned',
      [
        { id: 'start', type: 'start' },
        { id: 'review', type: 'human-review', config: { role: 'other', decisions: [{ name: 'ok', label: 'OK' }] } },
        { id: 'done', type: 'end', config: { outcome: 'done-v2' } },
      ],
      ['start.next->review', 'review.ok->done'],
    )
    expect(await publishFlow(t.api, v2)).toBe(2)
    const [task] = await openTasks(t.api, runId)
    expect(task.decisions).toEqual(['approve', 'reject'])
    const decided = await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(decided.status).toBe(200)
    const run = await waitForRunStatus(t.api, runId)
    expect(run).toMatchObject({ flowVersion: 1, status: 'completed', outcome: 'approved-v1' })
  })

  it('starts new runs on the newly published version', async () => {
    await publishFlow(t.api, reviewFlow('pinned-new', {}, { approve: 'a1', reject: 'r1' }))
    await publishFlow(t.api, reviewFlow('pinned-new', { decisions: [{ name: 'approve', label: 'Yes' }, { name: 'reject', label: 'No' }] }, { approve: 'a2', reject: 'r2' }))
    const runId = await startRun(t.api, 'pinned-new', {})
    const [task] = await openTasks(t.api, runId)
    await t.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject' })
    expect(await waitForRunStatus(t.api, runId)).toMatchObject({ flowVersion: 2, outcome: 'r2' })
  })
})
