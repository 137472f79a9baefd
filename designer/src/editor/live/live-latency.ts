/**
 * How long a run event takes to show on the canvas: from the engine's time
 * stamp on the event to the moment the step's counts are in the DOM. The
 * last samples are readable at `window.inloopLive.latencies` (the live
 * benchmark reads them).
 */
import type { NodeLive } from '../canvas/overlay'

const pending = new Map<NodeLive, number>()
const latencies: number[] = []
const MAX = 5000

;(window as unknown as { inloopLive?: unknown }).inloopLive = { latencies }

/** These counts came from an event stamped `at` (ms): time them when drawn. */
export function expectDrawn(counts: NodeLive, at: number): void {
  pending.set(counts, at)
  if (pending.size > 1000) pending.delete(pending.keys().next().value as NodeLive)
}

/** A step's counts are in the DOM now. */
export function drawn(counts: NodeLive): void {
  const at = pending.get(counts)
  if (at === undefined) return
  pending.delete(counts)
  latencies.push(Date.now() - at)
  if (latencies.length > MAX) latencies.splice(0, latencies.length - MAX)
}
