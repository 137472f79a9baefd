/**
 * The live view in Chromium against the real server: runs started and
 * decided through the API show on the open canvas without a reload; the
 * selected run's path advances; a dropped stream recovers with nothing
 * missed. Takes the README's live-overlay screenshot (see docsScreenshot).
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ruleFlow } from '../helpers/flows.js'
import { docsScreenshot, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

const RISKY = 'Recently unemployed, several missed payments, wants cash to cover rent arrears'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

const liveOf = (page: Page, nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"] [data-testid=node-live]`)
const count = async (page: Page, nodeId: string, what: 'waiting' | 'running' | 'failed' | 'done') => Number((await liveOf(page, nodeId).getAttribute(`data-${what}`, { timeout: 500 }).catch(() => '0')) ?? 0)

async function startLoan(applicant: string, amount = 9000, note = RISKY): Promise<string> {
  const res = await h.api<{ runId: string }>('POST', '/api/flows/loan-approval/runs', { input: { applicant, amount, note } })
  expect(res.status).toBe(201)
  return res.body.runId
}

async function decide(runId: string, decision = 'approve') {
  const tasks = await h.api<{ id: string }[]>('GET', `/api/tasks?runId=${runId}&status=open`)
  const res = await h.api('POST', `/api/tasks/${tasks.body[0].id}/decision`, { decision, reason: 'documents checked', data: {} })
  expect(res.status).toBe(200)
}

/** Every step's counts as the canvas shows them (running,waiting,failed,done), and as the server's snapshot has them. */
async function shownCounts(page: Page) {
  const out: Record<string, string> = {}
  for (const el of await page.locator('[data-testid=node-live]').all()) {
    const [id, ...counts] = await el.evaluate((e) => [e.closest('.react-flow__node')!.getAttribute('data-id')!, ...['running', 'waiting', 'failed', 'done'].map((k) => e.getAttribute(`data-${k}`)!)])
    out[id] = counts.join()
  }
  return out
}

async function serverCounts() {
  const snap = (await h.api<{ nodes: Record<string, { running: number; waiting: number; failed: number; doneToday: number }> }>('GET', '/api/flows/loan-approval/live')).body
  return Object.fromEntries(
    Object.entries(snap.nodes)
      .filter(([, n]) => n.running + n.waiting + n.failed + n.doneToday > 0)
      .map(([id, n]) => [id, [n.running, n.waiting, n.failed, n.doneToday].join()]),
  )
}

describe('the live view', () => {
  it('shows runs as they happen, follows one, and recovers from a dropped stream with nothing missed', async () => {
    const { page, errors } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 10_000 }).toBe('open')
    expect(await page.getByTestId('toggle-live').getAttribute('aria-pressed')).toBe('true')

    // A run started through the API waits for the credit officer: the count appears, no reload.
    const runId = await startLoan('Ben Ortiz')
    await expect.poll(() => count(page, 'review', 'waiting'), { timeout: 5000 }).toBe(1)

    // Follow it: its path is drawn and where it is now is marked.
    await page.getByTestId('tab-runs').click()
    await page.locator(`.run-row[data-run-id="${runId}"]`).click()
    await expect.poll(() => page.locator('.react-flow__node[data-id="review"] .fnode').getAttribute('class')).toContain('run-waiting')
    expect(await page.locator('.react-flow__edge.edge-walked').count()).toBe(3)

    // Decided through the API: the path advances to the end and the counts move.
    await decide(runId)
    await expect.poll(() => page.getByTestId('run-view').getAttribute('data-status'), { timeout: 5000 }).toBe('completed')
    await expect.poll(() => page.locator('.react-flow__node[data-id="approved"] .fnode').getAttribute('class')).toContain('run-done')
    await expect.poll(() => count(page, 'review', 'waiting')).toBe(0)
    expect(await count(page, 'review', 'done')).toBe(1)
    expect(await count(page, 'approved', 'done')).toBe(1)
    expect(await page.getByTestId('review-compare').textContent()).toContain('approve')

    // The stream drops and stays down while runs go on; when it is back, nothing is missed.
    await page.route('**/api/stream**', (route) => route.abort())
    h.server.hub.closeAll()
    await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 5000 }).toBe('reconnecting')
    const missed = [await startLoan('Cleo Park'), await startLoan('Dan Ito'), await startLoan('Eva Roth', 60_000)]
    await decide(missed[0], 'reject')
    await page.waitForTimeout(500)
    expect(await count(page, 'review', 'waiting')).toBe(0)
    await page.unroute('**/api/stream**')
    await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 15_000 }).toBe('open')
    await expect.poll(() => count(page, 'review', 'waiting'), { timeout: 5000 }).toBe(1)
    expect(await count(page, 'four-eyes', 'waiting')).toBe(1)
    expect(await count(page, 'rejected', 'done')).toBe(1)
    expect(await shownCounts(page)).toEqual(await serverCounts())
    await page.screenshot({ path: `${SCREENSHOTS}/live-01-recovered.png` })
    expect(errors.filter((e) => !/stream/.test(e))).toEqual([])
    await page.close()
  }, 90_000)

  it('cancels a waiting run with a reason, steps through it from the start, and retries a failed run', async () => {
    const { page, errors } = await openPage(h)
    const runId = await startLoan('Fay Stone')
    await page.goto(`${h.url}/flows/loan-approval`)
    await page.getByTestId('tab-runs').click()
    await page.locator(`.run-row[data-run-id="${runId}"]`).click()
    await page.getByTestId('cancel-run').click()
    await page.getByTestId('cancel-reason').fill('the applicant withdrew')
    await page.getByTestId('confirm-cancel').click()
    await expect.poll(() => page.getByTestId('run-view').getAttribute('data-status'), { timeout: 5000 }).toBe('cancelled')
    await expect.poll(() => page.getByTestId('run-moment').last().textContent()).toContain('the applicant withdrew')
    // Step through it from the start: the canvas follows.
    await page.getByTestId('step-back').click()
    expect(await page.getByTestId('step-position').textContent()).toMatch(/^\d+ \/ \d+$/)
    await page.locator('[data-testid=step-controls] [aria-label="Back to the start"]').click()
    const marked = page.locator('.fnode.run-done, .fnode.run-waiting, .fnode.run-active')
    await expect.poll(() => marked.count()).toBe(0)
    await page.getByTestId('step-forward').click()
    await expect.poll(() => page.locator('.react-flow__node[data-id="start"] .fnode').getAttribute('class')).toContain('run-active')

    // A run that failed is retried from the step that failed (it fails again: the input is still wrong).
    await h.api('PUT', '/api/flows/brittle', ruleFlow('brittle', 'input.n > 1'))
    await h.api('POST', '/api/flows/brittle/publish', {})
    const failed = (await h.api<{ runId: string }>('POST', '/api/flows/brittle/runs', { input: { n: 'not a number' } })).body.runId
    await page.goto(`${h.url}/flows/brittle`)
    await page.getByTestId('tab-runs').click()
    await page.locator(`.run-row[data-run-id="${failed}"]`).click()
    await expect.poll(() => page.locator('.react-flow__node[data-id="check"] .fnode').getAttribute('class')).toContain('run-failed')
    await page.getByTestId('retry-run').click()
    await expect.poll(() => page.getByTestId('run-moment').allTextContents()).toEqual([expect.stringContaining('started'), expect.stringContaining('failed'), expect.stringContaining('retried by'), expect.stringContaining('failed')])
    expect(errors).toEqual([])
    await page.close()
  })

  it('saves the live-overlay screenshot for the README', async () => {
    // The example's sample applications, a few times over; some reviews decided.
    const samples = JSON.parse(readFileSync(new URL('../../examples/loan-approval.inputs.json', import.meta.url), 'utf8')) as { input: { applicant: string; amount: number; note: string } }[]
    for (let i = 0; i < 16; i++) {
      const { applicant, amount, note } = samples[i % samples.length].input
      await startLoan(`${applicant} ${i + 1}`, amount + i * 100, note)
    }
    const waiting = (await h.api<{ id: string }[]>('GET', '/api/runs?flowId=loan-approval&status=waiting&limit=100')).body
    for (const [i, r] of waiting.slice(0, 5).entries()) await decide(r.id, i % 2 ? 'approve' : 'reject').catch(() => {})
    const { page, errors } = await openPage(h, { scale: 2 })
    await page.goto(`${h.url}/flows/loan-approval`)
    await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 10_000 }).toBe('open')
    await page.getByTestId('tab-runs').click()
    const row = page.locator('.run-row[data-status="waiting"]').first()
    await row.click()
    await page.getByTestId('review-compare').first().waitFor()
    await page.waitForTimeout(600)
    await page.screenshot({ path: docsScreenshot('live-overlay.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
