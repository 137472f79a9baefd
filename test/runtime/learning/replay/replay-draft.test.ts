/**
 * Trying a draft of the loan-approval example on its past runs: what moves
 * when a rule, a review or the AI step changes, and that nothing is stored,
 * sent or asked while trying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../helpers/api.js'
import { runApplications } from '../loan-cases.js'

type Flow = { id: string; nodes: any[]; edges: any[]; [k: string]: unknown }

describe('trying a draft of the loan-approval flow on its past runs', () => {
  let t: TestServer
  let published: Flow
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
    // A lower threshold than the example's, so some past cases were approved without a person.
    await t.api('POST', '/api/flows/loan-approval/parameters', { values: { autoApproveScore: 0.55 }, reason: 'automate more' })
    await runApplications(t.api, 45)
    published = (await t.api('GET', '/api/flows/loan-approval')).body.flow
  })
  afterAll(() => t.close())

  const draft = (change: (f: Flow) => void): Flow => {
    const copy = structuredClone(published)
    change(copy)
    return copy
  }
  const replay = async (body: unknown) => {
    const res = await t.api('POST', '/api/flows/loan-approval/replay', body)
    expect(res.status, res.text).toBe(200)
    return res.body
  }

  it('replays only finished runs and leaves the ones still waiting out', async () => {
    const report = await replay({ flow: published })
    expect(report.cases).toBe(40)
    expect(report.skipped).toBe(5)
    expect(report.totals).toEqual({ same: 40, different: 0, needsPerson: 0, cannotTell: 0 })
  })

  it('sends cases a person was never asked about to "needs a person" when a rule routes them to review', async () => {
    const report = await replay({ flow: draft((f) => (f.nodes.find((n) => n.id === 'route').config.rules[1].when = 'nodes.score.value >= 2.0')) })
    const automated = report.outcomes.find((o: any) => o.outcome === 'approved')
    expect(report.totals.needsPerson).toBeGreaterThan(0)
    expect(report.needsPerson).toEqual([{ nodeId: 'review', who: 'reviewer', role: 'credit-officer', cases: report.totals.needsPerson }])
    expect(report.totals.same + report.totals.needsPerson).toBe(report.cases)
    expect(automated.after).toBe(automated.before - report.totals.needsPerson)
    expect(report.moved[0]).toMatchObject({ verdict: 'needs-person', nodeId: 'review', who: 'reviewer', reason: 'nobody was asked at this step in this case' })
  })

  it('asks for a second reviewer where four eyes now apply and the case had one', async () => {
    const report = await replay({ flow: draft((f) => (f.nodes.find((n) => n.id === 'review').config.approvals = 2)) })
    const approvedByOne = report.moved.filter((m: any) => m.verdict === 'needs-person')
    expect(approvedByOne.length).toBeGreaterThan(0)
    for (const m of approvedByOne) expect(m).toMatchObject({ nodeId: 'review', before: { outcome: 'approved' }, reason: "'approve' needs 2 reviewers; 1 decided in this case" })
    // A rejection takes effect with one reviewer: those cases stay as they were.
    expect(report.totals.different).toBe(0)
  })

  it('ends cases otherwise when the review is removed, and counts the path through each step and connection', async () => {
    const report = await replay({
      flow: draft((f) => {
        f.nodes = f.nodes.filter((n) => n.id !== 'review')
        f.edges = f.edges.filter((e) => e.source !== 'review' && e.target !== 'review')
        f.edges.push({ id: 'e-default', source: 'route', sourcePort: 'default', target: 'approved' }, { id: 'e-error', source: 'score', sourcePort: 'error', target: 'rejected' })
      }),
    })
    const rejected = report.outcomes.find((o: any) => o.outcome === 'rejected')
    expect(rejected.after).toBe(0)
    expect(report.totals.different).toBe(rejected.before)
    expect(report.moved.every((m: any) => m.before.outcome === 'rejected' && m.after.outcome === 'approved')).toBe(true)
    const review = report.paths.nodes.find((n: any) => n.nodeId === 'review')
    expect(review).toMatchObject({ after: 0 })
    expect(review.before).toBeGreaterThan(0)
    const newEdge = report.paths.edges.find((e: any) => e.source === 'route' && e.sourcePort === 'default' && e.target === 'approved')
    expect(newEdge).toEqual({ source: 'route', sourcePort: 'default', target: 'approved', before: 0, after: review.before })
  })

  it('runs a changed local AI step again, offline, instead of reusing its recorded proposals', async () => {
    const report = await replay({ flow: draft((f) => (f.nodes.find((n) => n.id === 'score').config.examples.reverse().splice(6))) })
    expect(report.totals.cannotTell).toBe(0)
    expect(report.totals.different + report.totals.needsPerson).toBeGreaterThan(0)
  })

  it('tries a published version by its number, and a period of runs', async () => {
    const all = await replay({ version: 1 })
    expect(all).toMatchObject({ tried: { kind: 'version', version: 1 }, cases: 40 })
    const none = await replay({ version: 1, to: '2000-01-01T00:00:00Z' })
    expect(none).toMatchObject({ cases: 0, skipped: 0, to: '2000-01-01T00:00:00Z' })
    const newest = await replay({ version: 1, limit: 7 })
    expect(newest.cases).toBe(7)
  })

  it('stores, sends and starts nothing while trying', async () => {
    const before = { runs: (await t.api('GET', '/api/runs?flowId=loan-approval&limit=1000')).body, outbox: (await t.api('GET', '/api/outbox?limit=1000')).body, tasks: (await t.api('GET', '/api/tasks?limit=1000')).body }
    await replay({ flow: draft((f) => (f.nodes.find((n) => n.id === 'review').config.approvals = 2)) })
    await replay({ flow: draft((f) => (f.nodes.find((n) => n.id === 'score').config.examples.splice(3))) })
    const after = { runs: (await t.api('GET', '/api/runs?flowId=loan-approval&limit=1000')).body, outbox: (await t.api('GET', '/api/outbox?limit=1000')).body, tasks: (await t.api('GET', '/api/tasks?limit=1000')).body }
    expect(after).toEqual(before)
  })

  it('says what is wrong with a draft that is not valid, and with a request that names both a draft and a version', async () => {
    const broken = await t.api('POST', '/api/flows/loan-approval/replay', { flow: draft((f) => (f.edges[0].target = 'nowhere')) })
    expect(broken.status).toBe(422)
    expect(broken.body.error).toMatchObject({ code: 'FLOW_INVALID', problems: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('nowhere') })]) })
    const both = await t.api('POST', '/api/flows/loan-approval/replay', { flow: published, version: 1 })
    expect(both.status).toBe(400)
    expect(both.body.error.message).toContain('not both')
    const other = await t.api('POST', '/api/flows/loan-approval/replay', { flow: { ...published, id: 'legal-review' } })
    expect(other.body.error).toMatchObject({ code: 'FLOW_MISMATCH' })
    const missing = await t.api('POST', '/api/flows/loan-approval/replay', { version: 99 })
    expect(missing.status).toBe(404)
  })
})
