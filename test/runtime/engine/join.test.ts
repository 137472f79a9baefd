import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { composeEngine } from '../../../runtime/compose.js'
import { answerCustomer, decideTask, fireDueTimers } from '../../../runtime/engine/index.js'
import { createLogger } from '../../../runtime/log.js'
import { openLowdbStore } from '../../../runtime/store/lowdb/index.js'
import { createTestEngine, flow } from './harness.js'

const DAY = 86_400_000

/** start → (legal review ∥ finance review) → join → end. */
const twoReviews = (joinConfig: Record<string, unknown>, finance: Record<string, unknown> = { type: 'human-review', config: { role: 'finance', due: 'P3D' } }) =>
  flow(
    'two-reviews',
    [
      { id: 'start', type: 'start' },
      { id: 'legal', type: 'human-review', config: { role: 'legal' } },
      { id: 'finance', ...finance } as { id: string; type: string },
      { id: 'both', type: 'join', config: joinConfig },
      { id: 'done', type: 'end', config: { outcome: 'reviewed' } },
      { id: 'refused', type: 'end', config: { outcome: 'refused' } },
    ],
    [
      'start.next->legal',
      'start.next->finance',
      'legal.approve->both',
      'legal.reject->refused',
      ...(finance.type === 'human-review' ? ['finance.approve->both', 'finance.reject->refused'] : ['finance.confirm->both', 'finance.reject->refused', 'finance.expired->refused']),
      'both.next->done',
    ],
  )

describe('join', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('waits for all branches, one of them waiting on a person for days, across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inloop-join-'))
    dirs.push(dataDir)
    let now = new Date('2026-01-05T09:00:00.000Z')
    const clock = { now: () => new Date(now) }
    const secret = randomBytes(32)
    const open = async () => {
      const store = await openLowdbStore(dataDir)
      return { store, engine: composeEngine({ store, secret, log: createLogger('silent'), clock }).engine }
    }
    const first = await open()
    await first.store.flows.saveDraft('two-reviews', twoReviews({ mode: 'all' }, { type: 'human-review', config: { role: 'finance' } }), 't')
    await first.store.flows.publish('two-reviews', 't')
    const { runId, state } = await first.engine.startRun({ flowId: 'two-reviews', input: { vendor: 'Acme' } })
    const tasks = Object.values(state.tasks)
    const legal = tasks.find((t) => t.role === 'legal')!
    const finance = tasks.find((t) => t.role === 'finance')!
    await decideTask(first.engine, legal.id, { decision: 'approve', by: 'lea' })
    expect((await first.store.runs.getRun(runId))!.status).toBe('waiting')
    await first.store.close()

    now = new Date(now.getTime() + 4 * DAY)
    const second = await open()
    const waiting = (await second.store.runs.getRun(runId))!
    expect(waiting.status).toBe('waiting')
    expect(Object.values(waiting.waits).map((w) => w.nodeId).sort()).toEqual(['both', 'finance'])
    await decideTask(second.engine, finance.id, { decision: 'approve', by: 'fin' })
    const done = (await second.store.runs.getRun(runId))!
    expect(done).toMatchObject({ status: 'completed', outcome: 'reviewed' })
    expect((done.outputs.both.branches as unknown[]).length).toBe(2)
    await second.store.close()
  })

  it('with mode any, cancels the loser’s task, its customer link and its timers', async () => {
    const t = createTestEngine()
    const confirm = { type: 'customer-confirmation', config: { to: 'input.email', subject: 'Confirm', message: 'Please confirm', expiresIn: 'P2D' } }
    await t.publish(twoReviews({ mode: 'any' }, confirm))
    const { runId, state } = await t.engine.startRun({ flowId: 'two-reviews', input: { email: 'ada@example.com' } })
    const legal = Object.values(state.tasks)[0]
    const request = Object.values(state.requests)[0]
    expect(request.status).toBe('open')
    await decideTask(t.engine, legal.id, { decision: 'approve', by: 'lea' })
    const done = (await t.store.runs.getRun(runId))!
    expect(done).toMatchObject({ status: 'completed', outcome: 'reviewed' })
    expect(done.requests[request.id]).toMatchObject({ status: 'closed', closedReason: 'cancelled' })
    expect(Object.values(done.timers).every((tm) => tm.status === 'cancelled')).toBe(true)
    const events = (await t.store.runs.getEvents(runId))!
    expect(events).toContainEqual(expect.objectContaining({ type: 'node.cancelled', nodeId: 'finance', by: 'both' }))
    // Its link now answers as closed (410 over HTTP), and its timers never fire.
    const token = await t.engine.deps.links.tokenFor({ runId, requestId: request.id, expiresAt: request.request.expiresAt })
    await expect(answerCustomer(t.engine, String(token), { answer: 'confirm' })).rejects.toMatchObject({ code: 'REQUEST_CLOSED', status: 410 })
    t.advanceClock(10 * DAY)
    expect(await fireDueTimers(t.engine)).toBe(0)
  })

  it('with mode any, closes the losing reviewer’s task as cancelled', async () => {
    const t = createTestEngine()
    await t.publish(twoReviews({ mode: 'any' }))
    const { runId, state } = await t.engine.startRun({ flowId: 'two-reviews', input: {} })
    const [legal, finance] = ['legal', 'finance'].map((role) => Object.values(state.tasks).find((x) => x.role === role)!)
    await decideTask(t.engine, finance.id, { decision: 'approve', by: 'fin' })
    const done = (await t.store.runs.getRun(runId))!
    expect(done.tasks[legal.id]).toMatchObject({ status: 'closed', closedReason: 'cancelled' })
    await expect(decideTask(t.engine, legal.id, { decision: 'approve', by: 'lea' })).rejects.toMatchObject({ code: 'TASK_CLOSED' })
  })

  it('with mode count, goes on after N branches and drops branches not yet started', async () => {
    const t = createTestEngine()
    await t.publish(
      flow(
        'three',
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'rule', config: { rules: [] } },
          { id: 'b', type: 'rule', config: { rules: [] } },
          { id: 'c', type: 'human-review' },
          { id: 'two', type: 'join', config: { mode: 'count', count: 2 } },
          { id: 'end', type: 'end' },
        ],
        ['start.next->a', 'start.next->b', 'start.next->c', 'a.default->two', 'b.default->two', 'c.approve->two', 'c.reject->two', 'two.next->end'],
      ),
    )
    const { state } = await t.engine.startRun({ flowId: 'three', input: {} })
    expect(state.status).toBe('completed')
    expect(Object.values(state.tasks)[0]).toMatchObject({ status: 'closed', closedReason: 'cancelled' })
  })
})
