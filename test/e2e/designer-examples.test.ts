/**
 * The designer against every shipped example and against bad input: each
 * example opens without errors and saves back unchanged; a broken import
 * shows every problem and changes nothing; a failed save keeps the edits.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFlowJson, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url))
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as { id: string; nodes: unknown[] })

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

describe('the designer with the examples', () => {
  it.each(examples.map((e) => [e.id, e] as const))('opens %s without errors and saves it back unchanged', async (id, example) => {
    const { page, errors } = await openPage(h)
    await page.goto(`${h.url}/flows/${id}`)
    // A loaded shared machine can take seconds to draw the canvas.
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 20_000 }).toBe(example.nodes.length)
    const before = await getFlowJson(page, id)
    await expect.poll(() => page.getByTestId('problem-count').textContent(), { timeout: 5000 }).toBe('Valid')
    expect(await page.evaluate(() => (window as unknown as { inloopEditor: { flow(): unknown } }).inloopEditor.flow())).toEqual(before)
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('clean')
    expect(await getFlowJson(page, id)).toEqual(before)
    await page.screenshot({ path: `${SCREENSHOTS}/example-${id}.png` })
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})

describe('the designer with bad input', () => {
  it('shows every problem of a broken import and keeps the flows as they are', async () => {
    const { page } = await openPage(h)
    await page.goto(h.url)
    await page.getByTestId('flow-list').waitFor()
    const rows = await page.locator('.flow-row').count()
    const broken = {
      schemaVersion: 1,
      id: 'broken',
      name: 'Broken',
      nodes: [{ id: 'a', type: 'no-such-type', typeVersion: 1, position: { x: 0, y: 0 }, config: {} }],
      edges: [{ id: 'e1', source: 'a', sourcePort: 'next', target: 'reveiw' }],
    }
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
    const problems = page.getByTestId('import-problems').locator('li')
    await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(3)
    const text = await page.getByTestId('import-problems').textContent()
    expect(text).toContain('no-such-type')
    expect(text).toContain('reveiw')
    expect(text).toContain('no start node')
    await page.screenshot({ path: `${SCREENSHOTS}/04-import-problems.png` })
    await page.getByRole('button', { name: 'Keep my flows as they are' }).click()
    expect(await page.locator('.flow-row').count()).toBe(rows)

    await page.getByTestId('import-file').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') })
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain('not JSON')
    await page.keyboard.press('Escape')
    expect(await page.locator('.flow-row').count()).toBe(rows)
  }, 60_000)

  it('keeps the edits and says so when the server fails to save', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await page.locator('.react-flow__node[data-id="approved"]').click()
    await page.getByTestId('node-label').fill('Approved (edited)')
    await page.route('**/api/flows/loan-approval', (route) =>
      route.request().method() === 'PUT' ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INTERNAL', message: 'disk full' } }) }) : route.continue(),
    )
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('error')
    await expect.poll(() => page.getByTestId('toast').first().textContent()).toContain('disk full')
    expect(await page.getByTestId('node-label').inputValue()).toBe('Approved (edited)')
    await page.screenshot({ path: `${SCREENSHOTS}/05-save-error.png` })
    await page.unroute('**/api/flows/loan-approval')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('clean')
    expect(((await getFlowJson(page, 'loan-approval')) as { nodes: { id: string; label: string }[] }).nodes.find((n) => n.id === 'approved')?.label).toBe('Approved (edited)')
  }, 60_000)

  it('lists the shortcuts on ? and copies, pastes and undoes steps with the keyboard', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await page.locator('.react-flow__node[data-id="rejected"]').click()
    await page.keyboard.press('?')
    await page.getByTestId('shortcuts-help').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/06-shortcuts.png` })
    await page.keyboard.press('Escape')
    await page.locator('.react-flow__node[data-id="rejected"]').click()
    const count = await page.locator('.react-flow__node').count()
    await page.keyboard.press('Control+c')
    await page.keyboard.press('Control+v')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count + 1)
    expect(await page.locator('.react-flow__node[data-id="rejected-2"]').count()).toBe(1)
    await page.keyboard.press('Control+d')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count + 2)
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count)
  }, 60_000)

  it('adds and connects the next step when a connection is dropped on empty canvas', async () => {
    const { page } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await page.locator('[data-testid=canvas]:not(.is-fitting)').waitFor()
    const handle = page.locator('.react-flow__node[data-id="four-eyes"] .react-flow__handle[data-handleid="approve"]')
    await handle.waitFor()
    const edges = await page.locator('.react-flow__edge').count()
    const from = (await handle.boundingBox())!
    const pane = (await page.locator('.react-flow__pane').boundingBox())!
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(pane.x + pane.width - 120, pane.y + 60, { steps: 6 })
    await page.mouse.up()
    await page.getByTestId('quick-add').waitFor()
    await page.keyboard.type('wait')
    await page.screenshot({ path: `${SCREENSHOTS}/07-quick-add.png` })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.react-flow__node[data-id="wait"]').count()).toBe(1)
    expect(await page.locator('.react-flow__edge').count()).toBe(edges + 1)
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.react-flow__node[data-id="wait"]').count()).toBe(0)
  }, 60_000)
})
