/**
 * What the canvas draws over the flow: the path of one run (each step's
 * state, the ports it left by) and the live counts of all runs (per step:
 * running, waiting, failed, done today; per port: how many runs took it),
 * or a replay's path counts on past runs, as recorded and with the draft.
 */
import type { ReplayOverlay } from '../replay/replay-overlay'
export type NodeRunStatus = 'done' | 'active' | 'waiting' | 'failed'

export interface RunPath {
  nodes: Map<string, NodeRunStatus>
  /** `portKey(source, port)` of every port the run left by. */
  ports: Set<string>
}

export interface NodeLive {
  running: number
  waiting: number
  failed: number
  doneToday: number
  /** When the oldest run waiting here started to wait (ISO). */
  oldestWaitingSince?: string
}

export interface LiveCounts {
  nodes: Map<string, NodeLive>
  /** Runs that left by each port, by `portKey(source, port)`. */
  ports: Map<string, number>
}

export interface CanvasOverlay {
  run: RunPath
  live: LiveCounts | null
  /** Shown instead of the live counts while the draft is tried on past runs. */
  replay?: ReplayOverlay | null
}

export const portKey = (nodeId: string, port: string): string => `${nodeId}\u0000${port}`

export const NO_PATH: RunPath = { nodes: new Map(), ports: new Set() }
export const NO_OVERLAY: CanvasOverlay = { run: NO_PATH, live: null }

/** Edge width for a port count: 1.5 px for none, up to 6 px for the busiest port, on a log scale. */
export function edgeWidth(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 1.5
  return Math.round((1.5 + (4.5 * Math.log1p(count)) / Math.log1p(max)) * 10) / 10
}
