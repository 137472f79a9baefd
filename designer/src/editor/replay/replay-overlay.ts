/**
 * The canvas picture of a replay: how many past cases went through each step
 * and each connection as recorded, and how many would with the draft.
 */
import type { ReplayResponse } from '../../api/replay'

export interface Counts {
  before: number
  after: number
}

export interface ReplayOverlay {
  nodes: Map<string, Counts>
  /** By `edgeKey(source, port, target)`. */
  edges: Map<string, Counts>
  /** The busiest step or connection, to scale edge widths. */
  max: number
}

export const edgeKey = (source: string, port: string, target: string): string => `${source}\u0000${port}\u0000${target}`

export function replayOverlay(r: ReplayResponse): ReplayOverlay {
  const nodes = new Map(r.paths.nodes.map((n) => [n.nodeId, { before: n.before, after: n.after }]))
  const edges = new Map(r.paths.edges.map((e) => [edgeKey(e.source, e.sourcePort, e.target), { before: e.before, after: e.after }]))
  let max = 0
  for (const c of edges.values()) max = Math.max(max, c.before, c.after)
  return { nodes, edges, max }
}

/** "+12", "−5" or "±0" (a true minus sign). */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0'
}

/** How a count moved, for a class name: `up`, `down` or `same`. */
export function direction(c: Counts): 'up' | 'down' | 'same' {
  return c.after > c.before ? 'up' : c.after < c.before ? 'down' : 'same'
}
