/**
 * Calibration per model version on the loan-approval example: the metrics
 * report each version's calibration before and after, and the what-if counts
 * the errors to expect among cases nobody checked from calibrated confidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../helpers/api.js'
import { runApplications } from '../loan-cases.js'

describe('confidence calibrated per model version', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
    await t.api('PUT', '/api/flows/loan-approval/learning', { autoRetrain: false })
    await runApplications(t.api, 40)
    await t.api('POST', '/api/flows/loan-approval/retrain', { labels: { approve: 'good', reject: 'risky' } })
    await runApplications(t.api, 40, 40)
  })
  afterAll(() => t.close())

  it('shows the calibration of each model version on its own answers, before and after calibrating', async () => {
    const metrics = (await t.api('GET', '/api/flows/loan-approval/metrics')).body
    expect(metrics.calibrationByModel).toHaveLength(2)
    for (const m of metrics.calibrationByModel) {
      expect(m.modelVersion).toMatch(/^nb-/)
      expect(m.answers).toBe(m.bands.reduce((sum: number, b: any) => sum + b.cases, 0))
      expect(m.calibratedError).toBeLessThanOrEqual(m.calibrationError)
    }
  })

  it('counts the errors to expect among automated cases with calibrated confidence', async () => {
    const res = await t.api('POST', '/api/flows/loan-approval/what-if', { parameters: { autoApproveScore: 0.5 } })
    expect(res.status, res.text).toBe(200)
    const r = res.body
    // At least what people contradicted; more for the cases nobody checked.
    expect(r.estimatedErrors).toBeGreaterThanOrEqual(r.overriddenAmongAutomated)
    expect(r.estimatedErrors).toBeLessThanOrEqual(r.automated)
    expect(r.current.estimatedErrors).toBeLessThanOrEqual(r.estimatedErrors)
  })
})
