/**
 * A developer edits a custom node type while the designer is open (the
 * server runs in dev mode): the palette takes the new or changed type from
 * the stream's `node-types` event, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definitionSource, tempNodeTypes, type TempNodeTypes } from '../helpers/temp-node-types.js'
import { openPage, startHarness, type Harness } from './designer-harness.js'

let h: Harness
let tmp: TempNodeTypes
beforeAll(async () => {
  tmp = tempNodeTypes('designer-dev-')
  h = await startHarness({ dev: true, nodeTypesDir: tmp.dir })
}, 120_000)
afterAll(async () => {
  await h?.close()
  tmp?.cleanup()
})

describe('the palette in dev mode', () => {
  it('shows a node type added or changed on disk while the editor is open', async () => {
    const { page, errors } = await openPage(h)
    await page.goto(`${h.url}/flows/loan-approval`)
    await expect.poll(() => page.getByTestId('toggle-live').getAttribute('data-stream'), { timeout: 10_000 }).toBe('open')
    const entry = page.locator('[data-node-type="stamp"]')
    expect(await entry.count()).toBe(0)
    tmp.write('stamp.ts', definitionSource({ type: 'stamp', title: 'Stamp A' }))
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1)
    expect(await entry.textContent()).toContain('Stamp A')
    tmp.write('stamp.ts', definitionSource({ type: 'stamp', title: 'Stamp B' }))
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toContain('Stamp B')
    expect(errors).toEqual([])
    await page.close()
  })
})
