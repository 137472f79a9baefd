/**
 * Where a new step goes so it never lands on top of another: the wanted
 * position if that space is free, else the nearest free place found by
 * stepping down (then right) by a node's height.
 */
import type { XY } from '../store/flow-edits'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The size a step is assumed to have before the canvas has measured it. */
export const NODE_SIZE = { width: 184, height: 96 }
const GAP = 24

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP

/** A free top-left position near `at` for a box of `size`, given the boxes already on the canvas. */
export function freeSpot(at: XY, size: { width: number; height: number }, taken: Box[]): XY {
  const step = size.height + GAP
  for (let column = 0; column < 20; column++) {
    for (let row = 0; row < 20; row++) {
      const candidate = { x: at.x + column * (size.width + GAP), y: at.y + row * step, ...size }
      if (!taken.some((b) => overlaps(candidate, b))) return { x: candidate.x, y: candidate.y }
    }
  }
  return at
}
