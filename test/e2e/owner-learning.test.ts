/**
 * The learning loop in the owner view, in Chromium: after enough reviewed
 * answers a candidate model waits for approval with its figures beside the
 * model in force's, the learning curve shows it, and approving it puts it on
 * the curve as approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Api } from '../helpers/api.js'
import { runApplications } from '../runtime/learning/loan-cases.js'
import { openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await h.api('PUT', '/api/flows/loan-approval/learning', { retrainAfter: 20, answerLabels: { score: { approve: 'good', reject: 'risky' } } })
  const api = (async (method: string, path: string, body?: unknown) => ({ text: '', ...(await h.api(method, path, body)) })) as unknown as Api
  await runApplications(api, 26)
  await h.api('POST', '/api/flows/loan-approval/learning/check')
}, 180_000)
afterAll(async () => h?.close())

describe('the learning loop in the owner view', () => {
  it('shows a candidate with its figures and the learning curve, and approves it', async () => {
    const pending = (await h.api('GET', '/api/flows/loan-approval/parameters')).body.pending
    expect(pending).toEqual([expect.objectContaining({ createdBy: 'learning-loop', candidate: expect.any(Object) })])
    const { page, errors } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval/owner`)
    const figures = page.getByTestId('candidate-figures')
    await figures.waitFor({ timeout: 15_000 })
    expect(await figures.textContent()).toContain(`tested on the ${pending[0].candidate.heldOut} newest`)
    await page.getByTestId('chart-learning-score').and(page.locator('[data-ready]')).waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('learning-step-score').textContent()).toContain(`a candidate waits for approval (version ${pending[0].version})`)
    await page.getByTestId('learning-curve').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOTS}/owner-learning-curve.png`, fullPage: true })
    await page.getByTestId('approve').click()
    await expect.poll(async () => (await h.api('GET', '/api/flows/loan-approval/parameters')).body.current?.version).toBe(pending[0].version)
    await expect.poll(() => page.getByTestId('learning-step-score').textContent()).toContain('new since the last candidate')
    expect(await page.locator(`[data-testid=chart-learning-score] td`).filter({ hasText: 'approved' }).count()).toBe(1)
    expect(errors).toEqual([])
  }, 90_000)
})
