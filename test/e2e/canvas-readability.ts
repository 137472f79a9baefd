/**
 * What a person can read on the canvas: for each step drawn, its name's
 * size on screen, whether it is cut off, and where the step is — so
 * browser tests can say "every step's name is legible" and "nothing
 * overlaps" about the real rendering.
 */
import type { Page } from 'playwright-core'

export interface StepOnScreen {
  id: string
  name: string
  /** The name's font size on screen, in CSS pixels (font size × zoom). */
  px: number
  shown: boolean
  clipped: boolean
  /** Wholly inside the canvas. */
  inside: boolean
  box: { x: number; y: number; width: number; height: number }
}

/** Smaller than this on screen, a name does not read. */
export const LEGIBLE_PX = 11

export async function canvasZoom(page: Page): Promise<number> {
  return page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
}

/** Waits until the canvas has fitted the flow and its zoom has settled. */
export async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid=canvas]:not(.is-fitting) .react-flow__node').first().waitFor()
  let last = -1
  for (let i = 0; i < 40; i++) {
    const zoom = await canvasZoom(page)
    if (zoom === last) return
    last = zoom
    await page.waitForTimeout(150)
  }
}

export async function stepsOnScreen(page: Page): Promise<StepOnScreen[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid=canvas]')!
    const compact = canvas.dataset.detail !== 'full'
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a
    const area = canvas.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
      const label = node.querySelector<HTMLElement>(compact ? '.fnode-compact-label' : '.fnode-label')!
      const style = getComputedStyle(label)
      const r = node.getBoundingClientRect()
      return {
        id: node.dataset.id!,
        name: label.textContent ?? '',
        px: parseFloat(style.fontSize) * zoom,
        shown: style.visibility === 'visible' && label.getClientRects().length > 0,
        clipped: label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1,
        inside: r.left >= area.left && r.right <= area.right && r.top >= area.top && r.bottom <= area.bottom,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      }
    })
  })
}

/** Pairs of steps whose boxes overlap on screen. */
export function overlapping(steps: StepOnScreen[]): string[] {
  const out: string[] = []
  for (const [i, a] of steps.entries()) {
    for (const b of steps.slice(i + 1)) {
      const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y
      if (!apart) out.push(`${a.id} × ${b.id}`)
    }
  }
  return out
}
