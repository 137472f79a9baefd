/**
 * Issue 14, point 1: flows stay readable. At 1440×900, every example opens
 * with each step's name legible (drawn compact, not as a blank box, when
 * zoomed out); tidy-up keeps an 8-step flow whole on screen at a readable
 * zoom; "zoom to fit" on a long flow stops at the readable zoom and shows
 * its start; steps dropped on the same spot never overlap.
 */
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canvasZoom, LEGIBLE_PX, overlapping, settled, stepsOnScreen } from './canvas-readability.js'
import { dropNode, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.flow.json')).map((f) => f.replace('.flow.json', ''))
const READABLE_ZOOM = 0.5

function emptyFlow(id: string, nodes: unknown[] = [], edges: unknown[] = []) {
  return { schemaVersion: 1, id, name: id, description: '', version: 0, parameters: [], input: { type: 'object', properties: {} }, nodes, edges }
}

describe('the canvas at 1440×900', () => {
  it('opens every example with each step named legibly and nothing overlapping', async () => {
    const { page, errors } = await openPage(h)
    for (const id of EXAMPLES) {
      await page.goto(`${h.url}/flows/${id}`)
      await settled(page)
      const steps = await stepsOnScreen(page)
      expect(await canvasZoom(page), id).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6)
      expect(overlapping(steps), id).toEqual([])
      for (const s of steps.filter((s) => s.inside)) {
        expect(s.shown && !s.clipped, `${id}: ${s.id} “${s.name}” shown whole`).toBe(true)
        expect(s.px, `${id}: ${s.id} font on screen`).toBeGreaterThanOrEqual(LEGIBLE_PX)
      }
      // Flows of up to 8 steps are whole on screen.
      if (steps.length <= 8) expect(steps.filter((s) => !s.inside).map((s) => s.id), id).toEqual([])
      if (id === 'delivery-date') await page.screenshot({ path: `${SCREENSHOTS}/readable-delivery-date.png` })
    }
    expect(errors).toEqual([])
  }, 120_000)

  it('tidies up an 8-step flow so it is whole, legible and untangled after fit', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/delivery-date`)
    await settled(page)
    // Scatter the steps on top of each other, then tidy up.
    const flow = (await h.api('GET', '/api/flows/delivery-date')).body.flow
    expect(flow.nodes).toHaveLength(8)
    await h.api('PUT', '/api/flows/scattered', { ...flow, id: 'scattered', nodes: flow.nodes.map((n: { position: unknown }, i: number) => ({ ...n, position: { x: (i % 2) * 40, y: (i % 3) * 30 } })) })
    await page.goto(`${h.url}/flows/scattered`)
    await settled(page)
    expect(overlapping(await stepsOnScreen(page)).length).toBeGreaterThan(0)
    await page.getByTestId('auto-layout').click()
    await page.locator('[data-testid=save-status][data-state=dirty]').waitFor()
    await settled(page)
    const steps = await stepsOnScreen(page)
    expect(overlapping(steps)).toEqual([])
    expect(steps.filter((s) => !s.inside).map((s) => s.id)).toEqual([])
    expect(await canvasZoom(page)).toBeGreaterThanOrEqual(0.5)
    for (const s of steps) expect(s.shown && !s.clipped && s.px >= LEGIBLE_PX, `${s.id} legible`).toBe(true)
  }, 60_000)

  it('fits a long flow at the readable zoom, from its start, never as blank boxes', async () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, type: i === 0 ? 'start' : i === 29 ? 'end' : 'wait', typeVersion: 1, position: { x: i * 240, y: 0 }, label: i === 0 ? 'Order received' : `Wait for the warehouse ${i}`, config: i === 0 || i === 29 ? {} : { for: 'PT1H' } }))
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `s${i}`, sourcePort: 'next', target: n.id }))
    await h.api('PUT', '/api/flows/long-chain', emptyFlow('long-chain', nodes, edges))
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/long-chain`)
    await settled(page)
    expect(await canvasZoom(page)).toBeCloseTo(READABLE_ZOOM, 3)
    const steps = await stepsOnScreen(page)
    expect(steps.find((s) => s.id === 's0')?.inside).toBe(true)
    // Zoomed out by hand further, then "zoom to fit": back at the readable zoom.
    await page.locator('.react-flow__controls-zoomout').click()
    await page.locator('.react-flow__controls-zoomout').click()
    await page.getByRole('button', { name: 'Zoom to fit' }).click()
    await settled(page)
    expect(await canvasZoom(page)).toBeCloseTo(READABLE_ZOOM, 3)
    for (const s of (await stepsOnScreen(page)).filter((s) => s.inside)) expect(s.shown && !s.clipped && s.px >= LEGIBLE_PX, `${s.id} legible`).toBe(true)
  }, 60_000)

  it('never drops a step on top of another', async () => {
    await h.api('PUT', '/api/flows/drops', emptyFlow('drops'))
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/drops`)
    await page.getByTestId('canvas').waitFor()
    for (const type of ['start', 'rule', 'human-review', 'end']) {
      await dropNode(page, type, 300, 250)
      await page.getByTestId('node-label').waitFor()
    }
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4)
    expect(overlapping(await stepsOnScreen(page))).toEqual([])
  }, 60_000)
})
