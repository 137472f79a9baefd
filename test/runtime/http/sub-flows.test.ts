import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { flow, reviewFlow } from '../../helpers/flows.js'

const caller = (id: string, callee: string) =>
  flow(id, [{ id: 'start', type: 'start' }, { id: 'call', type: 'sub-flow', config: { flow: callee, outcomes: ['approved', 'rejected'] } }, { id: 'end', type: 'end' }], ['start.next->call', 'call.approved->end', 'call.rejected->end'])

describe('sub-flows over HTTP', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('links the parent run to its child and back', async () => {
    await publishFlow(t.api, reviewFlow('sf-child'))
    await publishFlow(t.api, caller('sf-parent', 'sf-child'))
    const runId = await startRun(t.api, 'sf-parent', {})
    const parent = await waitForRunStatus(t.api, runId, 'waiting')
    expect(parent.parent).toBeNull()
    expect(parent.children).toEqual([{ runId: expect.any(String), nodeId: 'call', flowId: 'sf-child', status: 'running', outcome: null }])
    const childId = parent.children[0].runId
    const child = (await t.api('GET', `/api/runs/${childId}`)).body
    expect(child.parent).toMatchObject({ runId, nodeId: 'call' })
    const [task] = await openTasks(t.api, childId)
    const rita = await t.people.as('rita', { groups: ['checker'] })
    expect((await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
    const done = await waitForRunStatus(t.api, runId)
    expect(done).toMatchObject({ status: 'completed', children: [{ runId: childId, status: 'completed', outcome: 'approved' }] })
  })

  it('refuses to publish a flow that would call itself through another', async () => {
    await publishFlow(t.api, caller('sf-b', 'sf-c'))
    await t.api('PUT', '/api/flows/sf-c', caller('sf-c', 'sf-b'))
    const res = await t.api('POST', '/api/flows/sf-c/publish', {})
    expect(res.status).toBe(422)
    expect(res.body.error.problems).toContainEqual(expect.objectContaining({ code: 'flow.calls-itself', message: expect.stringContaining("'sf-b'") }))
  })
})
