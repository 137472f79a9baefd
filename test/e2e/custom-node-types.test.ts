/**
 * Custom node types in the designer: a type from a folder shows in the
 * palette with its config form, and in dev mode an edited type file updates
 * the open palette without a restart or a reload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../runtime/server.js'
import { dropNode, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

const ROOT = join(import.meta.dirname, '..', '..')
const KEY = 'custom-types-e2e-key-0123456789abcdef'

function typeSource(title: string): string {
  return `import { z } from 'zod'
import { defineNodeType } from '${join(ROOT, 'node-types/index.js')}'

export const scoreCard = defineNodeType({
  type: 'score-card',
  version: 1,
  title: '${title}',
  description: 'Looks up an internal score card.',
  category: 'integration',
  icon: 'search',
  color: '#0ea5e9',
  outputs: ['done'],
  config: z.object({ card: z.string().default('standard').meta({ title: 'Score card' }) }),
  execute: () => ({ port: 'done', data: {} }),
})
`
}

describe('custom node types in the designer', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  }, 180_000)
  afterAll(async () => h?.close())

  it('shows a custom type from the examples in the palette, and its config form on the canvas', async () => {
    const { page, errors } = await openPage(h)
    await page.goto(`${h.url}/flows/customer-onboarding`)
    const entry = page.locator('[data-node-type="crm-lookup"]')
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1)
    await dropNode(page, 'crm-lookup', 420, 520)
    await expect.poll(() => page.getByText('API key secret', { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'custom-node-type.png') })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('updates the open palette when a type file changes in dev mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inloop-custom-types-'))
    writeFileSync(join(dir, 'score-card.ts'), typeSource('Score card'))
    let server: RunningServer | undefined
    try {
      server = await startServer({ port: 0, memory: true, examples: false, apiKey: KEY, dev: true, nodeTypesDir: dir })
      const flow = JSON.parse(readFileSync(join(ROOT, 'examples/loan-approval.flow.json'), 'utf8'))
      const put = await fetch(`${server.url}/api/flows/${flow.id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(flow),
      })
      expect(put.status).toBe(200)
      const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { authorization: `Bearer ${KEY}` } })
      const page = await context.newPage()
      await page.goto(`${server.url}/flows/${flow.id}`)
      const entry = page.locator('[data-node-type="score-card"]')
      await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1)
      await expect.poll(() => entry.innerText()).toContain('Score card')
      // The change arrives over the event stream: edit the file once the page is listening.
      await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 20_000 }).toBe('open')
      writeFileSync(join(dir, 'score-card.ts'), typeSource('Risk score card'))
      await expect.poll(() => entry.innerText(), { timeout: 20_000 }).toContain('Risk score card')
      await context.close()
    } finally {
      await server?.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
