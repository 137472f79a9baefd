/**
 * Issue 14, point 7: the editor's small details. The new-flow dialog takes
 * the name as you type; publish asks what changed; "could not validate"
 * clears by itself once the server answers again; a step clicked on the
 * canvas during a test run is shown in the run's timeline (and the other
 * way round); nothing is clipped at 1440 px.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settled } from './canvas-readability.js'
import { openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

/** Visible controls and text that stick out of the window or out of their panel. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`)
    for (const el of document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar a, .tabs [role=tab], .side-panel input, .side-panel select, .side-panel textarea, .side-panel button, .side-panel h2, .side-panel h3, .palette-item')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || getComputedStyle(el).visibility !== 'visible') continue
      const box = (el.closest('.tabs, .side-panel, .toolbar, .palette') ?? document.body).getBoundingClientRect()
      if (r.right > Math.min(width, box.right) + 1 || r.left < box.left - 1) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}” at ${Math.round(r.left)}–${Math.round(r.right)}`)
    }
    return out
  })
}

describe('editor details', () => {
  it('focuses the name in the new-flow dialog', async () => {
    const { page } = await openPage(h)
    await page.goto(h.url)
    await page.getByTestId('new-flow').click()
    await page.keyboard.type('Typed at once')
    await expect.poll(() => page.getByTestId('name-dialog-input').inputValue()).toBe('Typed at once')
  }, 60_000)

  it('asks for a note when publishing and keeps it with the version', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/contract-adjustment`)
    await settled(page)
    await expect.poll(() => page.getByTestId('publish').isEnabled()).toBe(true)
    await page.getByTestId('publish').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-note')
    expect(await page.getByTestId('publish-confirm').isDisabled()).toBe(true)
    await page.keyboard.type('Clearer reminder text')
    await page.screenshot({ path: `${SCREENSHOTS}/publish-note.png` })
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('v2 published')
    await page.getByTestId('tab-versions').click()
    await page.getByTestId('version-row').filter({ hasText: 'Clearer reminder text' }).waitFor()
  }, 60_000)

  it('clears "could not validate" by itself once the server answers again', async () => {
    const { page } = await openPage(h)
    await page.route('**/api/flows/validate', (route) => route.abort('connectionrefused'))
    await page.goto(`${h.url}/flows/legal-review`)
    await expect.poll(() => page.getByTestId('problem-count').textContent(), { timeout: 15_000 }).toContain('1 problem')
    expect(await page.locator('body').textContent()).toMatch(/could not validate/i)
    await page.unroute('**/api/flows/validate')
    // No edit, no click: the next retry finds the server.
    await expect.poll(() => page.getByTestId('problem-count').textContent(), { timeout: 15_000 }).toBe('Valid')
    expect(await page.locator('body').textContent()).not.toMatch(/could not validate/i)
  }, 60_000)

  it('shows a step clicked on the canvas in the test run, and the other way round', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await settled(page)
    await page.getByTestId('tab-run').click()
    await page.getByTestId('samples').locator('button').first().click()
    await page.getByTestId('run-test').click()
    const score = page.locator('[data-testid=run-timeline] .timeline-step[data-node-id=score]')
    await score.waitFor({ timeout: 20_000 })
    await page.locator('.react-flow__node[data-id="score"]').click()
    await expect.poll(() => score.getAttribute('class')).toContain('is-focused')
    expect(await score.locator('details').getAttribute('open')).not.toBeNull()
    expect(await page.getByTestId('test-run').isVisible()).toBe(true)
    // From the timeline to the canvas: the start step is selected and in view.
    await page.locator('[data-testid=run-timeline] .timeline-step[data-node-id=start] .timeline-node').click()
    await expect.poll(() => page.locator('.react-flow__node[data-id="start"] .fnode').getAttribute('class')).toContain('is-selected')
    const box = (await page.locator('.react-flow__node[data-id="start"]').boundingBox())!
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    expect(box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width).toBe(true)
  }, 60_000)

  it('clips nothing at 1440 px, on any tab or inspector', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await settled(page)
    expect(await clipped(page)).toEqual([])
    for (const tab of ['run', 'runs', 'replay', 'versions']) {
      await page.getByTestId(`tab-${tab}`).click()
      await page.waitForTimeout(200)
      expect(await clipped(page), tab).toEqual([])
    }
    await page.getByTestId('tab-inspect').click()
    for (const id of ['score', 'route', 'review']) {
      await page.locator(`.react-flow__node[data-id="${id}"]`).click()
      await page.getByTestId('node-label').waitFor()
      expect(await clipped(page), id).toEqual([])
    }
    await page.screenshot({ path: `${SCREENSHOTS}/inspector-1440.png` })
  }, 60_000)
})
