import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseFromEvents } from '../../../runtime/learning/case-record.js'
import { personDisagreed } from '../../../runtime/learning/what-if/what-if.js'
import { openTasks, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { runApplications } from './loan-cases.js'

describe('what-if on the loan-approval example', () => {
  let t: TestServer
  let recorded: string[]
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
    recorded = await runApplications(t.api, 60)
  })
  afterAll(() => t.close())

  /** Start every recorded case again with the parameters in force, and count what really happens. */
  async function rerun(minutesPerReview: number) {
    const counts = { cases: 0, automated: 0, overriddenAmongAutomated: 0, reviewWorkload: 0, reviewDecisions: 0 }
    for (const runId of recorded) {
      const original = caseFromEvents(runId, (await t.api('GET', `/api/runs/${runId}/events`)).body)
      const again = await startRun(t.api, 'loan-approval', original.input)
      const run = await waitForRunStatus(t.api, again, ['waiting', 'completed'])
      const tasks = await openTasks(t.api, again)
      counts.cases++
      if (tasks.length === 0) {
        counts.automated++
        if (personDisagreed(original, { status: 'automated', outcome: run.outcome, reviewDecisions: 0 })) counts.overriddenAmongAutomated++
      } else {
        counts.reviewWorkload++
        counts.reviewDecisions += tasks.reduce((sum, task) => sum + task.requiredApprovals, 0)
      }
      await t.api('POST', `/api/runs/${again}/cancel`, { reason: 'what-if check' })
    }
    return { ...counts, reviewerHours: Math.round(((counts.reviewDecisions * minutesPerReview) / 60) * 100) / 100 }
  }

  it('counts the same cases, automation, expected errors and workload as actually re-running them', async () => {
    const res = await t.api('POST', '/api/flows/loan-approval/what-if', { parameters: { autoApproveScore: 0.55 }, minutesPerReview: 12 })
    expect(res.status, res.text).toBe(200)
    const predicted = res.body
    expect(predicted.cases).toBe(60)
    expect(predicted.automated).toBeGreaterThan(predicted.current.automated)
    const saved = await t.api('POST', '/api/flows/loan-approval/parameters', { values: { autoApproveScore: 0.55 }, reason: 'what-if check' })
    expect(saved.status, saved.text).toBe(201)
    const actual = await rerun(12)
    expect(actual).toEqual({
      cases: predicted.cases,
      automated: predicted.automated,
      overriddenAmongAutomated: predicted.overriddenAmongAutomated,
      reviewWorkload: predicted.reviewWorkload,
      reviewDecisions: predicted.reviewDecisions,
      reviewerHours: predicted.reviewerHours,
    })
    expect(predicted.overriddenAmongAutomated).toBeGreaterThan(0)
  })

  it('reports the current parameters’ numbers next to the proposed ones', async () => {
    const res = await t.api('POST', '/api/flows/loan-approval/what-if', { parameters: { autoApproveScore: 0.95 } })
    expect(res.body).toMatchObject({
      parameters: { autoApproveScore: 0.95, fourEyesAmount: 50000, reviewDue: 'P2D' },
      current: { parameters: { autoApproveScore: 0.55 }, reviewerHoursSaved: 0 },
    })
    expect(res.body.automated).toBeLessThan(res.body.current.automated)
    expect(res.body.reviewerHoursSaved).toBeLessThan(0)
    expect(res.body.moved.toReview).toBe(res.body.current.automated - res.body.automated)
  })

  it('refuses parameters the flow does not have', async () => {
    const res = await t.api('POST', '/api/flows/loan-approval/what-if', { parameters: { autoApprove: 0.5 } })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('PARAMETER_UNKNOWN')
  })
})
