/**
 * How far the canvas may zoom out and still show every step's name, and the
 * viewport "zoom to fit" uses: the whole flow when it fits at a readable
 * zoom, else its start (left, vertically centred) at the lowest readable
 * zoom — the minimap still shows the whole flow.
 */
import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react'

/** Below this zoom step names are drawn large (compact rendering); see `levelOfDetail`. */
export const FULL_DETAIL_ZOOM = 0.85
/** The lowest zoom fit goes to: compact names are still legible here. */
export const READABLE_ZOOM = 0.5
/** Below this (reached only by zooming out by hand) names are dropped so huge flows pan smoothly. */
export const FAR_ZOOM = 0.3
/** Padding around the flow when fitting, in screen pixels. */
const PAD = 32

export type LevelOfDetail = 'full' | 'compact' | 'far'

export function levelOfDetail(zoom: number): LevelOfDetail {
  return zoom >= FULL_DETAIL_ZOOM ? 'full' : zoom >= FAR_ZOOM ? 'compact' : 'far'
}

/** The viewport that shows `bounds` in a `width`×`height` pane, never below the readable zoom. */
export function readableViewport(bounds: Rect, width: number, height: number, maxZoom = 1.1): Viewport {
  const fit = getViewportForBounds(bounds, width, height, 0.05, maxZoom, `${PAD}px`)
  if (fit.zoom >= READABLE_ZOOM) return fit
  const zoom = READABLE_ZOOM
  const fitsHeight = bounds.height * zoom <= height - 2 * PAD
  const y = fitsHeight ? (height - bounds.height * zoom) / 2 - bounds.y * zoom : PAD - bounds.y * zoom
  return { x: PAD - bounds.x * zoom, y, zoom }
}
