/**
 * The learning loop closes by itself on the loan-approval example: once
 * enough credit officers' decisions exist, a candidate model is trained on the
 * older ones, measured against the model in force on the newer ones, and
 * proposed as a pending version that changes nothing until an owner decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, waitForRunStatus, startRun, type TestServer } from '../../../helpers/api.js'
import { runApplications } from '../loan-cases.js'

describe('the learning loop on the loan-approval example', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
    const settings = await t.api('PUT', '/api/flows/loan-approval/learning', { retrainAfter: 20, answerLabels: { score: { approve: 'good', reject: 'risky' } } })
    expect(settings.status, settings.text).toBe(200)
  })
  afterAll(() => t.close())

  const overview = async () => (await t.api('GET', '/api/flows/loan-approval/learning')).body
  const modelOfNewRun = async () => {
    const runId = await startRun(t.api, 'loan-approval', { applicant: 'Probe', amount: 5000, note: 'Permanent job, no debts' })
    await waitForRunStatus(t.api, runId, ['waiting', 'completed'])
    const events = (await t.api('GET', `/api/runs/${runId}/events`)).body
    await t.api('POST', `/api/runs/${runId}/cancel`, { reason: 'probe' })
    return events.find((e: any) => e.type === 'node.completed' && e.nodeId === 'score').output.modelVersion
  }

  it('proposes nothing before enough new reviewed answers exist', async () => {
    await runApplications(t.api, 12)
    await t.api('POST', '/api/flows/loan-approval/learning/check')
    const o = await overview()
    expect(o.steps).toEqual([expect.objectContaining({ nodeId: 'score', pendingVersion: null, curve: [] })])
    expect(o.steps[0].newAnswers).toBeGreaterThan(0)
    expect(o.steps[0].newAnswers).toBeLessThan(20)
  })

  it('proposes a candidate by itself, time-ordered, pending even without an approval policy', async () => {
    const before = await modelOfNewRun()
    await runApplications(t.api, 14, 12)
    await expect.poll(async () => (await overview()).steps[0].pendingVersion, { timeout: 10_000 }).not.toBeNull()
    const versions = (await t.api('GET', '/api/flows/loan-approval/parameters/versions')).body
    const pending = versions.find((v: any) => v.status === 'pending')
    expect(pending).toMatchObject({ kind: 'retrain', createdBy: 'learning-loop', candidate: { nodeId: 'score' } })
    const c = pending.candidate
    expect(c.heldOut).toBe(10)
    expect(c.candidate.trainedOn).toBe(c.answers - c.heldOut)
    expect(c.current.trainedOn).toBe(0)
    for (const figures of [c.current, c.candidate]) {
      expect(figures).toEqual({ modelVersion: expect.stringMatching(/^nb-/), trainedOn: expect.any(Number), accuracy: expect.any(Number), calibrationError: expect.any(Number), automationRate: expect.any(Number), expectedErrors: expect.any(Number) })
    }
    // The candidate learned only from answers given before the first held-out one.
    const dataset = (await t.api('GET', '/api/flows/loan-approval/dataset')).text.trim().split('\n').map((l) => JSON.parse(l))
    expect(dataset.filter((r) => r.answeredAt < c.splitAt).length).toBe(c.candidate.trainedOn)
    // Nothing changed: new runs still use the model they used.
    expect((await t.api('GET', '/api/flows/loan-approval/parameters')).body.current).toBeNull()
    expect(await modelOfNewRun()).toBe(before)
    const point = (await overview()).steps[0].curve[0]
    expect(point).toMatchObject({ parameterVersion: pending.version, status: 'pending', trainedOn: c.candidate.trainedOn, accuracy: c.candidate.accuracy, currentAccuracy: c.current.accuracy })
  })

  it('puts the candidate in force once an owner approves it, and counts answers toward the next one from there', async () => {
    const owner = await t.people.as('olga', { roles: ['owner'] })
    const o = await overview()
    const version = o.steps[0].pendingVersion
    const approved = await owner('POST', `/api/flows/loan-approval/parameters/versions/${version}/approve`, { note: 'better on the newest answers' })
    expect(approved.status, approved.text).toBe(200)
    expect(approved.body).toMatchObject({ status: 'approved', datasets: { score: approved.body.candidate.datasetId } })
    expect(await modelOfNewRun()).toBe(approved.body.candidate.candidate.modelVersion)
    const after = await overview()
    // Answers given after the candidate was built count toward the next one.
    expect(after.steps[0]).toMatchObject({ pendingVersion: null, newAnswers: after.steps[0].reviewed - approved.body.candidate.answers })
    expect(after.steps[0].curve[0].status).toBe('approved')
  })

  it('keeps the model in force when an owner rejects the next candidate', async () => {
    await runApplications(t.api, 40, 40)
    await expect.poll(async () => (await overview()).steps[0].pendingVersion, { timeout: 10_000 }).not.toBeNull()
    const current = (await t.api('GET', '/api/flows/loan-approval/parameters')).body.current
    const o = await overview()
    const rejected = await t.api('POST', `/api/flows/loan-approval/parameters/versions/${o.steps[0].pendingVersion}/reject`, { note: 'not now' })
    expect(rejected.body.status).toBe('rejected')
    expect(rejected.body.candidate.current.trainedOn).toBe(o.steps[0].curve[0].trainedOn)
    expect((await t.api('GET', '/api/flows/loan-approval/parameters')).body.current).toEqual(current)
    const next = (await overview()).steps[0]
    expect(next).toMatchObject({ pendingVersion: null, newAnswers: next.reviewed - rejected.body.candidate.answers })
  })

  it('refuses settings that make no sense, saying where', async () => {
    const res = await t.api('PUT', '/api/flows/loan-approval/learning', { retrainAfter: 0 })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('body.retrainAfter')
  })
})
