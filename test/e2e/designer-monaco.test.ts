/**
 * Monaco in the designer, in Chromium: it loads only when needed, expression
 * fields complete the variables in scope and mark problems where they are,
 * the JSON view edits the flow both ways, and two versions compare on the
 * canvas and in a diff. Saves the README's editor screenshot.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docsScreenshot, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'


let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

const flowNow = (page: Page) => page.evaluate('window.inloopEditor.flow()') as Promise<{ name: string; nodes: { id: string; label?: string; config: Record<string, unknown> }[] }>

async function openFlow(page: Page, id: string) {
  await page.goto(`${h.url}/flows/${id}`)
  await page.locator('.react-flow__node[data-id="start"]').waitFor()
}

describe('Monaco in the designer', () => {
  it('is not loaded for the canvas, only when an expression or the JSON is shown', async () => {
    const { page, errors } = await openPage(h)
    const monacoRequests: string[] = []
    page.on('request', (r) => /monaco-kit|editor\.worker|json\.worker/.test(r.url()) && monacoRequests.push(r.url()))
    await openFlow(page, 'legal-review')
    await page.waitForTimeout(800)
    expect(monacoRequests).toEqual([])
    await page.locator('.react-flow__node').nth(1).click()
    await page.locator('.expr-monaco').first().waitFor({ timeout: 15_000 })
    expect(monacoRequests.some((u) => u.includes('monaco-kit'))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  it('completes the variables in scope and marks a syntax error where it is', async () => {
    const { page, errors } = await openPage(h)
    await openFlow(page, 'loan-approval')
    await page.locator('.react-flow__node[data-id="route"]').click()
    const when = page.locator('[data-monaco-field="cfg-route-rules.0.when"]')
    await when.locator('.monaco-editor').waitFor({ timeout: 15_000 })
    await when.locator('.monaco-editor').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' && nodes.')
    const suggestions = page.locator('.suggest-widget .monaco-list-row')
    await expect.poll(() => suggestions.count(), { timeout: 5000 }).toBeGreaterThan(3)
    const labels = await suggestions.allTextContents()
    expect(labels.join('\n')).toContain('nodes.score.confidence')
    // The route's own output and later steps are not in scope.
    expect(labels.join('\n')).not.toContain('nodes.route')
    await page.screenshot({ path: `${SCREENSHOTS}/monaco-01-completion.png` })
    await page.keyboard.press('Escape')
    await page.keyboard.type('score.value >> 1')
    await expect.poll(() => when.locator('.squiggly-error').count(), { timeout: 5000 }).toBeGreaterThan(0)
    await expect.poll(async () => (await flowNow(page)).nodes.find((n) => n.id === 'route')!.config.rules).toMatchObject([{ when: 'input.amount >= params.fourEyesAmount && nodes.score.value >> 1' }, {}])
    expect(errors).toEqual([])
    await page.close()
  })

  it('edits the flow from its JSON, keeps the canvas when the JSON is broken, and follows canvas edits', async () => {
    const { page, errors } = await openPage(h)
    await openFlow(page, 'support-feedback')
    await page.getByTestId('toggle-json').click()
    const editor = page.getByTestId('json-editor')
    await editor.locator('.view-lines').waitFor({ timeout: 15_000 })
    await editor.locator('.view-lines').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Control+F')
    await page.keyboard.type('"name": "')
    await page.keyboard.press('Escape')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.insertText('Renamed in JSON — ')
    await expect.poll(async () => (await flowNow(page)).name).toMatch(/^Renamed in JSON — /)
    await expect.poll(() => page.getByTestId('flow-name').textContent()).toMatch(/^Renamed in JSON/)
    // One undo step for the JSON edit.
    await page.getByTestId('undo').click()
    await expect.poll(async () => (await flowNow(page)).name).not.toMatch(/^Renamed/)
    await expect.poll(() => editor.locator('.view-lines').textContent()).not.toContain('Renamed in JSON')

    // Broken JSON: the problems are listed and the canvas keeps its steps.
    const steps = await page.locator('.react-flow__node').count()
    await editor.locator('.view-lines').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText('{ "nodes": [')
    await expect.poll(() => page.getByTestId('json-problems').textContent(), { timeout: 5000 }).toMatch(/Not applied/)
    expect(await page.locator('.react-flow__node').count()).toBe(steps)
    await page.getByTestId('json-discard').click()
    await expect.poll(() => page.getByTestId('json-problems').count()).toBe(0)
    expect(await editor.locator('.view-lines').textContent()).toContain('support-feedback')
    expect(errors).toEqual([])
    await page.close()
  })

  it('compares a published version with the draft: changed steps on the canvas, the JSON in a diff', async () => {
    const { page, errors } = await openPage(h)
    await openFlow(page, 'loan-approval')
    await page.locator('.react-flow__node[data-id="review"]').click()
    await page.getByTestId('node-label').fill('Credit officer decides')
    await page.getByTestId('tab-versions').click()
    await page.getByTestId('compare').click()
    await page.getByTestId('compare-view').waitFor()
    await expect.poll(() => page.locator('[data-testid=compare-canvas] .fnode.diff-changed').count()).toBe(1)
    expect(await page.locator('[data-testid=compare-canvas] .fnode.diff-changed').getAttribute('data-node-id')).toBe('review')
    expect(await page.getByTestId('diff-summary').textContent()).toContain('1 changed')
    await page.getByTestId('diff-editor').locator('.view-lines').first().waitFor({ timeout: 15_000 })
    // Monaco draws spaces as no-break spaces.
    const diffText = async () => (await page.getByTestId('diff-editor').textContent())?.replace(/\u00a0/g, ' ')
    await expect.poll(diffText, { timeout: 10_000 }).toContain('"label": "Credit officer decides"')
    await page.screenshot({ path: `${SCREENSHOTS}/monaco-02-compare.png` })
    await page.getByTestId('close-compare').click()
    await page.locator('[data-testid=canvas]').waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  it('saves the editor screenshot for the README', async () => {
    const { page, errors } = await openPage(h, { scale: 2 })
    await openFlow(page, 'loan-approval')
    await page.locator('.react-flow__node[data-id="route"]').click()
    const when = page.locator('[data-monaco-field="cfg-route-rules.0.when"] .monaco-editor')
    await when.waitFor({ timeout: 15_000 })
    await when.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' && nodes.score.c')
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor()
    await expect.poll(() => page.getByTestId('problem-count').textContent()).not.toBe('Checking…')
    await page.screenshot({ path: docsScreenshot('designer.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
