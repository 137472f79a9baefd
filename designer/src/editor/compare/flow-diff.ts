/**
 * What changed between two versions of a flow: each step added, removed,
 * changed (type, label or settings) or only moved; each connection added or
 * removed (matched by source, port and target, not by edge id); and which
 * flow settings changed. `merged` is the newer flow plus ghosts of what was
 * removed, for drawing both on one canvas.
 */
import type { Flow } from '../../api/types'

export type DiffStatus = 'added' | 'removed' | 'changed' | 'moved' | 'same'

export interface FlowDiff {
  nodes: Map<string, DiffStatus>
  edges: Map<string, DiffStatus>
  /** Per changed step, which parts changed: `label`, `type`, `config.rules`… */
  details: Map<string, string[]>
  /** Flow settings that changed: `name`, `description`, `parameters`, `input`. */
  settings: string[]
  merged: Flow
  counts: { added: number; removed: number; changed: number }
}

/** JSON with object keys sorted, so key order never counts as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))
}

const edgeKey = (e: Flow['edges'][number]): string => `${e.source}\u0000${e.sourcePort}\u0000${e.target}`

export function diffFlows(before: Flow, after: Flow): FlowDiff {
  const nodes = new Map<string, DiffStatus>()
  const details = new Map<string, string[]>()
  const old = new Map(before.nodes.map((n) => [n.id, n]))
  for (const n of after.nodes) {
    const o = old.get(n.id)
    if (!o) {
      nodes.set(n.id, 'added')
      continue
    }
    const parts: string[] = []
    if (o.type !== n.type || o.typeVersion !== n.typeVersion) parts.push('type')
    if ((o.label ?? '') !== (n.label ?? '')) parts.push('label')
    const keys = new Set([...Object.keys(o.config ?? {}), ...Object.keys(n.config ?? {})])
    for (const k of keys) if (stableJson(o.config?.[k]) !== stableJson(n.config?.[k])) parts.push(`config.${k}`)
    const moved = o.position.x !== n.position.x || o.position.y !== n.position.y
    nodes.set(n.id, parts.length > 0 ? 'changed' : moved ? 'moved' : 'same')
    if (parts.length > 0) details.set(n.id, parts)
  }
  const removedNodes = before.nodes.filter((n) => !nodes.has(n.id))
  for (const n of removedNodes) nodes.set(n.id, 'removed')

  const edges = new Map<string, DiffStatus>()
  const oldEdges = new Set(before.edges.map(edgeKey))
  const newEdges = new Set(after.edges.map(edgeKey))
  for (const e of after.edges) edges.set(e.id, oldEdges.has(edgeKey(e)) ? 'same' : 'added')
  const removedEdges = before.edges.filter((e) => !newEdges.has(edgeKey(e))).map((e) => ({ ...e, id: `removed:${e.id}` }))
  for (const e of removedEdges) edges.set(e.id, 'removed')

  const settings = (['name', 'description', 'parameters', 'input'] as const).filter((k) => stableJson(before[k]) !== stableJson(after[k]))
  const count = (s: DiffStatus) => [...nodes.values()].filter((v) => v === s).length
  return {
    nodes,
    edges,
    details,
    settings,
    merged: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    counts: { added: count('added'), removed: count('removed'), changed: count('changed') },
  }
}
