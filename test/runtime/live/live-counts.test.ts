/**
 * The live counts of a flow equal what the store holds: after 1,000 runs of
 * the loan example (automated, waiting on one or two reviewers, decided,
 * cancelled), both the picture kept up to date since the start and one
 * built afresh from the store match counts taken straight from the runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deriveState } from '../../../runtime/engine/state.js'
import type { Store } from '../../../runtime/engine/store.js'
import { decideTask } from '../../../runtime/engine/people.js'
import { LiveTracker } from '../../../runtime/live/live-tracker.js'
import { utcDay } from '../../../runtime/live/flow-live.js'
import { publishFlow, startTestServer, type TestServer } from '../../helpers/api.js'
import { reviewFlow, ruleFlow } from '../../helpers/flows.js'

const GOOD = 'Permanent employee for nine years, stable salary, no missed payments'
const RISKY = 'Recently unemployed, several missed payments, wants cash to cover rent arrears'

/** Counts taken from the runs themselves: where each is now, what each did. */
async function countsInStore(store: Store, flowId: string) {
  const nodes: Record<string, { running: number; waiting: number; failed: number; doneToday: number }> = {}
  const node = (id: string) => (nodes[id] ??= { running: 0, waiting: 0, failed: 0, doneToday: 0 })
  const ports: Record<string, number> = {}
  const runs = { running: 0, waiting: 0, failed: 0, completedToday: 0 }
  const today = utcDay(Date.now())
  for (const summary of await store.runs.listRuns({ flowId, limit: 1_000_000 })) {
    const events = (await store.runs.getEvents(summary.id))!
    const state = deriveState(summary.id, events)
    if (state.status === 'running' || state.status === 'waiting' || state.status === 'failed') runs[state.status]++
    for (const w of Object.values(state.waits)) node(w.nodeId).waiting++
    for (const [exec, a] of Object.entries(state.active)) if (!state.waits[exec]) node(a.nodeId).running++
    if (state.status === 'failed' && state.error?.nodeId) node(state.error.nodeId).failed++
    const taken = new Set<string>()
    for (const e of events) {
      if (e.type === 'node.completed') {
        if (e.at.slice(0, 10) === today) node(e.nodeId).doneToday++
        taken.add(`${e.nodeId}.${e.port}`)
      }
      if (e.type === 'run.completed' && e.at.slice(0, 10) === today) runs.completedToday++
    }
    for (const key of taken) ports[key] = (ports[key] ?? 0) + 1
  }
  return { nodes, ports, runs }
}

/** The API's snapshot in the same shape (steps nobody reached left out). */
function comparable(snapshot: { nodes: Record<string, { running: number; waiting: number; failed: number; doneToday: number }>; ports: { source: string; port: string; runs: number }[]; runs: unknown }) {
  const nodes = Object.fromEntries(
    Object.entries(snapshot.nodes)
      .filter(([, n]) => n.running + n.waiting + n.failed + n.doneToday > 0)
      .map(([id, n]) => [id, { running: n.running, waiting: n.waiting, failed: n.failed, doneToday: n.doneToday }]),
  )
  return { nodes, ports: Object.fromEntries(snapshot.ports.filter((p) => p.runs > 0).map((p) => [`${p.source}.${p.port}`, p.runs])), runs: snapshot.runs }
}

const withoutIdle = (counts: Awaited<ReturnType<typeof countsInStore>>) => ({
  ...counts,
  nodes: Object.fromEntries(Object.entries(counts.nodes).filter(([, n]) => n.running + n.waiting + n.failed + n.doneToday > 0)),
})

describe('live counts of a flow', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
  })
  afterAll(() => t.close())

  it('after 1,000 runs, a fresh canvas shows the counts the store holds', async () => {
    // A canvas that was open all along.
    expect((await t.api('GET', '/api/flows/loan-approval/live')).status).toBe(200)
    const engine = t.server.engine
    const runIds: string[] = []
    for (let batch = 0; batch < 20; batch++) {
      const started = await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const i = batch * 50 + j
          const input = { applicant: `Applicant ${i}`, amount: i % 7 === 0 ? 60_000 : 8_000 + i, note: i % 3 === 0 ? GOOD : RISKY }
          return engine.startRun({ flowId: 'loan-approval', input })
        }),
      )
      runIds.push(...started.map((r) => r.runId))
    }
    const { items: open } = await t.server.store.runs.queryTasks({ flowId: 'loan-approval', status: 'open', limit: 10_000 })
    expect(open.length).toBeGreaterThan(300)
    // Decide a third of the open tasks (a four-eyes task only gets its first approval), cancel a tenth of the runs still waiting.
    for (const task of open.filter((_, i) => i % 3 === 0)) {
      await decideTask(engine, task.id, { decision: 'approve', by: `reviewer-${task.id.length % 2}`, reason: 'checked the documents', data: {} })
    }
    for (const task of open.filter((_, i) => i % 10 === 1)) await engine.cancelRun(task.runId, 'applicant withdrew', 'admin').catch(() => {})

    const expected = withoutIdle(await countsInStore(t.server.store, 'loan-approval'))
    expect(expected.runs.waiting).toBeGreaterThan(100)
    expect(expected.nodes.review.waiting).toBeGreaterThan(0)
    expect(expected.nodes['four-eyes'].waiting).toBeGreaterThan(0)

    const kept = (await t.api('GET', '/api/flows/loan-approval/live')).body
    expect(comparable(kept)).toEqual(expected)
    const fresh = new LiveTracker(t.server.store)
    expect(comparable((await fresh.flow('loan-approval')).snapshot())).toEqual(expected)
    // And the waiting counts are the inbox's.
    const { items: stillOpen } = await t.server.store.runs.queryTasks({ flowId: 'loan-approval', status: 'open', limit: 10_000 })
    const inbox: Record<string, number> = {}
    for (const task of stillOpen) inbox[task.nodeId] = (inbox[task.nodeId] ?? 0) + 1
    expect({ review: kept.nodes.review.waiting, 'four-eyes': kept.nodes['four-eyes'].waiting }).toEqual(inbox)
  }, 120_000)

  it('counts runs that commit while the picture is being built exactly once', async () => {
    await publishFlow(t.api, reviewFlow('busy'))
    const engine = t.server.engine
    await Promise.all(Array.from({ length: 100 }, () => engine.startRun({ flowId: 'busy', input: {} })))
    const during = Array.from({ length: 100 }, () => engine.startRun({ flowId: 'busy', input: {} }))
    const live = await t.api('GET', '/api/flows/busy/live')
    await Promise.all(during)
    const now = (await t.api('GET', '/api/flows/busy/live')).body
    expect(live.status).toBe(200)
    expect(comparable(now)).toEqual(withoutIdle(await countsInStore(t.server.store, 'busy')))
    expect(now.nodes.review.waiting).toBe(200)
  })

  it('keeps a failed run at the step it failed, once, also after a retry fails again', async () => {
    await publishFlow(t.api, ruleFlow('brittle', 'input.n > 1'))
    await t.api('GET', '/api/flows/brittle/live')
    const { runId } = await t.server.engine.startRun({ flowId: 'brittle', input: { n: 'not a number' } })
    expect((await t.api('GET', `/api/runs/${runId}`)).body.status).toBe('failed')
    await t.server.engine.retryRun(runId, 'admin')
    const live = (await t.api('GET', '/api/flows/brittle/live')).body
    expect(live.nodes.check).toMatchObject({ failed: 1, running: 0, waiting: 0 })
    expect(live.runs).toMatchObject({ failed: 1 })
    expect(comparable(live)).toEqual(withoutIdle(await countsInStore(t.server.store, 'brittle')))
  })

  it('answers 404 for a flow that does not exist', async () => {
    expect((await t.api('GET', '/api/flows/nope/live')).status).toBe(404)
  })
})
