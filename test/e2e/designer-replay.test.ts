/**
 * "Try on past runs" in Chromium against the real server: past loan cases
 * are recorded through the API; the designer changes the draft on the canvas
 * (unsaved: four eyes on every review), tries it, and sees the totals, the
 * moved cases and the path-count difference on the canvas — the same numbers
 * the API gives for that draft. Takes the README's replay screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Api } from '../helpers/api.js'
import { runApplications } from '../runtime/learning/loan-cases.js'
import { docsScreenshot, field, openPage, startHarness, type Harness } from './designer-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await h.api('POST', '/api/flows/loan-approval/parameters', { values: { autoApproveScore: 0.55 }, reason: 'automate more' })
  const api = (async (method: string, path: string, body?: unknown) => ({ text: '', ...(await h.api(method, path, body)) })) as unknown as Api
  await runApplications(api, 36)
}, 180_000)
afterAll(async () => h?.close())

describe('trying a draft on past runs', () => {
  it('shows what the unsaved draft would have done, on the panel and on the canvas', async () => {
    const { page, errors } = await openPage(h, { scale: 2 })
    await page.goto(`${h.url}/flows/loan-approval`)
    await page.locator('.react-flow__node[data-id="review"]').click()
    await field(page, 'review', 'approvals').fill('2')
    await page.getByTestId('open-replay').click()
    await page.getByTestId('replay-run').click()
    await page.getByTestId('replay-results').waitFor({ timeout: 20_000 })

    const draft = await page.evaluate(() => (window as any).inloopEditor.flow())
    expect(draft.nodes.find((n: any) => n.id === 'review').config.approvals).toBe(2)
    const expected = (await h.api('POST', '/api/flows/loan-approval/replay', { flow: draft })).body
    expect(expected.totals.needsPerson).toBeGreaterThan(0)
    const shown = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-count'))
    expect(await shown('replay-same')).toBe(expected.totals.same)
    expect(await shown('replay-needs-person')).toBe(expected.totals.needsPerson)
    expect(await shown('replay-different')).toBe(expected.totals.different)
    expect(await shown('replay-cannot-tell')).toBe(expected.totals.cannotTell)
    await expect.poll(() => page.getByTestId('replay-moved').locator('li').count()).toBe(Math.min(expected.movedTotal, 200))

    // The canvas: cases through the review's approve connection drop, the badge says by how many.
    const approvedEdge = expected.paths.edges.find((e: any) => e.source === 'review' && e.sourcePort === 'approve')
    expect(approvedEdge.after).toBeLessThan(approvedEdge.before)
    const approved = expected.paths.nodes.find((n: any) => n.nodeId === 'approved')
    const badge = page.locator('.react-flow__node[data-id="approved"] [data-testid=node-replay]')
    await expect.poll(() => badge.getAttribute('data-after')).toBe(String(approved.after))
    expect(await badge.getAttribute('data-before')).toBe(String(approved.before))
    const edge = page.locator('.react-flow__edge.edge-replay.is-down').filter({ has: page.locator('text', { hasText: `${approvedEdge.before} → ${approvedEdge.after}` }) })
    expect(await edge.count()).toBe(1)
    await page.screenshot({ path: docsScreenshot('replay.png') })

    // Leaving the tab takes the counts off the canvas; an edit marks the answer as out of date.
    await page.getByTestId('tab-inspect').click()
    await expect.poll(() => page.locator('[data-testid=node-replay]').count()).toBe(0)
    await field(page, 'review', 'approvals').fill('3')
    await page.getByTestId('tab-replay').click()
    await page.getByTestId('replay-stale').waitFor()
    expect(errors).toEqual([])
  }, 90_000)
})
