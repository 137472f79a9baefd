import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../../runtime/engine/index.js'
import { manualClock, openTasks, publishFlow, startRun, startTestServer, type Api, type TestServer } from '../../helpers/api.js'
import { reviewFlow } from '../../helpers/flows.js'

const HOUR = 3_600_000

describe('the inbox: who sees and works which task', () => {
  const clock = manualClock()
  let t: TestServer
  let rita: Api // checker
  let sam: Api // checker
  let lena: Api // legal
  let dana: Api // designer
  beforeAll(async () => {
    t = await startTestServer({ clock })
    await publishFlow(t.api, reviewFlow('checked', { role: 'checker', due: 'PT4H' }))
    await publishFlow(t.api, reviewFlow('lawyered', { role: 'legal', due: 'P2D' }))
    await publishFlow(t.api, reviewFlow('undated', { role: 'checker' }))
    await publishFlow(t.api, reviewFlow('escalated', { role: 'checker', due: 'PT1H', onDeadline: 'escalate', escalateTo: 'legal' }))
    rita = await t.people.as('rita', { groups: ['checker'] })
    sam = await t.people.as('sam', { groups: ['checker'] })
    lena = await t.people.as('lena', { groups: ['legal'] })
    dana = await t.people.as('dana', { roles: ['designer'] })
  })
  afterAll(() => t.close())

  async function taskOf(flowId: string) {
    const runId = await startRun(t.api, flowId, {})
    const [task] = await openTasks(t.api, runId)
    return { runId, task }
  }
  const ids = (res: { body: { id: string }[] }) => res.body.map((x) => x.id)

  it('shows a reviewer only the tasks of their groups', async () => {
    const checked = await taskOf('checked')
    const lawyered = await taskOf('lawyered')
    const mine = await rita('GET', '/api/tasks?status=open&limit=500')
    expect(ids(mine)).toContain(checked.task.id)
    expect(ids(mine)).not.toContain(lawyered.task.id)
    expect(ids(await lena('GET', '/api/tasks?status=open&limit=500'))).toEqual(expect.arrayContaining([lawyered.task.id]))
  })

  it('refuses a reviewer asking for another group’s inbox with 403', async () => {
    const res = await rita('GET', '/api/tasks?group=legal')
    expect(res.status).toBe(403)
  })

  it('refuses a reviewer reading a task of another group with 403', async () => {
    const { task } = await taskOf('lawyered')
    expect((await rita('GET', `/api/tasks/${task.id}`)).status).toBe(403)
    expect((await lena('GET', `/api/tasks/${task.id}`)).status).toBe(200)
  })

  it('refuses a decision by a reviewer outside the task’s group with 403 and changes nothing', async () => {
    const { runId, task } = await taskOf('lawyered')
    const before = (await t.api('GET', `/api/runs/${runId}/events`)).body.length
    const res = await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining("'legal'") })
    expect((await t.api('GET', `/api/runs/${runId}/events`)).body.length).toBe(before)
  })

  it('shows the task page with its run, step and earlier decisions', async () => {
    const { runId, task } = await taskOf('checked')
    const res = await rita('GET', `/api/tasks/${task.id}`)
    expect(res.body).toMatchObject({ id: task.id, flowName: 'checked', stepLabel: 'review', overdue: false, run: { id: runId, status: 'waiting', test: false }, history: [] })
  })

  it('lets a designer read any task but decide only tasks of test runs', async () => {
    const { task } = await taskOf('checked')
    expect((await dana('GET', `/api/tasks/${task.id}`)).status).toBe(200)
    expect((await dana('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(403)
    const test = await dana('POST', '/api/flows/checked/test-runs', { input: {} })
    const [testTask] = await openTasks(t.api, test.body.runId)
    expect((await dana('POST', `/api/tasks/${testTask.id}/decision`, { decision: 'approve' })).status).toBe(200)
  })

  it('lets a designer play two reviewers on a test run to try four eyes', async () => {
    await publishFlow(t.api, reviewFlow('four-eyes-test', { approvals: 2 }))
    const test = await dana('POST', '/api/flows/four-eyes-test/test-runs', { input: {} })
    const [task] = await openTasks(t.api, test.body.runId)
    expect((await dana('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' }, { 'x-inloop-user': 'tester-1' })).status).toBe(202)
    const done = await dana('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' }, { 'x-inloop-user': 'tester-2' })
    expect(done.status).toBe(200)
    expect(done.body.task.decision.reviewers).toEqual(['tester-1', 'tester-2'])
  })

  it('refuses deciding as someone else on a real run with 403', async () => {
    const { task } = await taskOf('checked')
    const res = await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' }, { 'x-inloop-user': 'sam' })
    expect(res.status).toBe(403)
  })

  it('claims a task so that another reviewer of the group cannot decide it', async () => {
    const { task } = await taskOf('checked')
    const claimed = await rita('POST', `/api/tasks/${task.id}/claim`)
    expect(claimed.status).toBe(200)
    expect(claimed.body.task).toMatchObject({ assignee: 'rita', claimedAt: expect.any(String) })
    const res = await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'TASK_CLAIMED', assignee: 'rita' })
    expect((await sam('POST', `/api/tasks/${task.id}/claim`)).status).toBe(409)
    expect((await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
  })

  it('changes nothing when a reviewer claims their own task again', async () => {
    const { runId, task } = await taskOf('checked')
    await rita('POST', `/api/tasks/${task.id}/claim`)
    const before = (await t.api('GET', `/api/runs/${runId}/events`)).body.length
    expect((await rita('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200)
    expect((await t.api('GET', `/api/runs/${runId}/events`)).body.length).toBe(before)
  })

  it('refuses a claim by a reviewer outside the group with 403', async () => {
    const { task } = await taskOf('checked')
    expect((await lena('POST', `/api/tasks/${task.id}/claim`)).status).toBe(403)
  })

  it('releases a claimed task back to the group', async () => {
    const { task } = await taskOf('checked')
    await rita('POST', `/api/tasks/${task.id}/claim`)
    const released = await rita('POST', `/api/tasks/${task.id}/release`)
    expect(released.body.task.assignee).toBeUndefined()
    expect((await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
  })

  it('lets only the holder or an admin release a claim', async () => {
    const { task } = await taskOf('checked')
    await rita('POST', `/api/tasks/${task.id}/claim`)
    expect((await sam('POST', `/api/tasks/${task.id}/release`)).status).toBe(409)
    expect((await t.api('POST', `/api/tasks/${task.id}/release`)).status).toBe(200)
  })

  it('hands a task to another group, whose reviewers then see it and the old group does not', async () => {
    const { task } = await taskOf('checked')
    const res = await rita('POST', `/api/tasks/${task.id}/reassign`, { group: 'legal', reason: 'a contract question' })
    expect(res.status).toBe(200)
    expect(res.body.task).toMatchObject({ role: 'legal' })
    expect((await rita('GET', `/api/tasks/${task.id}`)).status).toBe(403)
    expect((await lena('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
  })

  it('hands a task to a named reviewer of the group, who then holds it', async () => {
    const { task } = await taskOf('checked')
    const res = await rita('POST', `/api/tasks/${task.id}/reassign`, { assignee: 'sam' })
    expect(res.body.task).toMatchObject({ role: 'checker', assignee: 'sam' })
    expect((await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(409)
  })

  it('refuses handing a task to someone outside the target group with 422', async () => {
    const { task } = await taskOf('checked')
    const res = await rita('POST', `/api/tasks/${task.id}/reassign`, { assignee: 'lena' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('ASSIGNEE_INVALID')
    expect((await rita('POST', `/api/tasks/${task.id}/reassign`, { group: 'nobody-works-here' })).body.error.code).toBe('GROUP_EMPTY')
  })

  it('frees a four-eyes task after the first approval for a second reviewer to claim', async () => {
    await publishFlow(t.api, reviewFlow('paired', { approvals: 2 }))
    const { task } = await taskOf('paired')
    await rita('POST', `/api/tasks/${task.id}/claim`)
    expect((await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(202)
    expect((await rita('POST', `/api/tasks/${task.id}/claim`)).body.error.code).toBe('ALREADY_APPROVED')
    expect((await sam('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200)
    expect((await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
  })

  it('drops the claim when the deadline escalates the task to another group', async () => {
    const { runId, task } = await taskOf('escalated')
    await rita('POST', `/api/tasks/${task.id}/claim`)
    clock.advance(HOUR + 1)
    await fireDueTimers(t.server.engine)
    const [escalated] = await openTasks(t.api, runId)
    expect(escalated).toMatchObject({ role: 'legal' })
    expect(escalated.assignee).toBeUndefined()
  })
})

describe('inbox queries', () => {
  const clock = manualClock('2026-03-02T08:00:00.000Z')
  let t: TestServer
  let rita: Api
  beforeAll(async () => {
    t = await startTestServer({ clock })
    await publishFlow(t.api, reviewFlow('soon', { role: 'checker', due: 'PT2H' }))
    await publishFlow(t.api, reviewFlow('later', { role: 'checker', due: 'P3D' }))
    await publishFlow(t.api, reviewFlow('never', { role: 'checker' }))
    rita = await t.people.as('rita', { groups: ['checker'] })
    await t.people.as('sam', { groups: ['checker'] })
    for (const flowId of ['later', 'never', 'soon', 'later', 'soon']) await startRun(t.api, flowId, {})
  })
  afterAll(() => t.close())

  const flows = (res: { body: { flowId: string }[] }) => res.body.map((x) => x.flowId)

  it('sorts by due time, soonest first, tasks without one last', async () => {
    const res = await rita('GET', '/api/tasks?status=open')
    expect(flows(res)).toEqual(['soon', 'soon', 'later', 'later', 'never'])
    expect(res.headers.get('x-total-count')).toBe('5')
  })

  it('pages through the inbox with limit and offset', async () => {
    const page = await rita('GET', '/api/tasks?status=open&limit=2&offset=2')
    expect(flows(page)).toEqual(['later', 'later'])
    expect(page.headers.get('x-total-count')).toBe('5')
  })

  it('filters by flow', async () => {
    expect(flows(await rita('GET', '/api/tasks?status=open&flowId=later'))).toEqual(['later', 'later'])
  })

  it('filters overdue tasks, and tasks due within a day', async () => {
    clock.advance(3 * 3_600_000)
    try {
      const overdue = await rita('GET', '/api/tasks?status=open&due=overdue')
      expect(flows(overdue)).toEqual(['soon', 'soon'])
      expect(overdue.headers.get('x-total-count')).toBe('2')
      const day = await rita('GET', `/api/tasks?status=open&dueAfter=${encodeURIComponent(clock.now().toISOString())}`)
      expect(flows(day)).toEqual(['later', 'later'])
      expect(day.headers.get('x-total-count')).toBe('2')
    } finally {
      clock.advance(-3 * 3_600_000)
    }
  })

  it('filters by assignee: mine, unclaimed, or a named colleague', async () => {
    const [first] = (await rita('GET', '/api/tasks?status=open&flowId=later')).body
    await rita('POST', `/api/tasks/${first.id}/claim`)
    const mine = await rita('GET', '/api/tasks?status=open&assignee=me')
    expect(mine.body.map((x: { id: string }) => x.id)).toEqual([first.id])
    expect(mine.headers.get('x-total-count')).toBe('1')
    const free = await rita('GET', '/api/tasks?status=open&assignee=none')
    expect(free.body).toHaveLength(4)
    expect(free.headers.get('x-total-count')).toBe('4')
    const sam = await t.people.as('sam', { groups: ['checker'] })
    expect((await sam('GET', '/api/tasks?status=open&assignee=rita')).body).toHaveLength(1)
  })

  it('refuses a bad due filter with 400', async () => {
    expect((await rita('GET', '/api/tasks?due=yesterday')).status).toBe(400)
    expect((await rita('GET', '/api/tasks?dueBefore=tomorrow')).status).toBe(400)
  })
})
