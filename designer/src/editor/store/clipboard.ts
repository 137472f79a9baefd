/**
 * Copy, paste and duplicate: a selection becomes a small fragment (nodes and
 * the edges between them); pasting gives every node a fresh id, remaps the
 * edges and offsets positions so the copy is visible next to the original.
 */
import type { Flow } from '../../api/types'
import type { FlowEdge, FlowNode } from '../../../../node-types/flow/schema'
import { nextEdgeId, uniqueId } from './ids'

export interface Fragment {
  kind: 'inloop/fragment'
  nodes: FlowNode[]
  edges: FlowEdge[]
}

export function copyFragment(flow: Flow, nodeIds: Iterable<string>): Fragment | null {
  const ids = new Set(nodeIds)
  const nodes = flow.nodes.filter((n) => ids.has(n.id))
  if (nodes.length === 0) return null
  const edges = flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target))
  return structuredClone({ kind: 'inloop/fragment', nodes, edges })
}

export function isFragment(value: unknown): value is Fragment {
  const v = value as Fragment
  return !!v && v.kind === 'inloop/fragment' && Array.isArray(v.nodes) && Array.isArray(v.edges)
}

/** Paste a fragment; returns the new flow and the ids of the pasted nodes (to select them). */
export function pasteFragment(flow: Flow, fragment: Fragment, offset = { x: 40, y: 40 }): { flow: Flow; ids: string[] } {
  const taken = flow.nodes.map((n) => n.id)
  const idMap = new Map<string, string>()
  const nodes = fragment.nodes.map((n) => {
    const id = uniqueId(n.id, taken)
    taken.push(id)
    idMap.set(n.id, id)
    return { ...structuredClone(n), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } }
  })
  const edgeIds = flow.edges.map((e) => e.id)
  const edges = fragment.edges.map((e) => {
    const id = nextEdgeId(edgeIds)
    edgeIds.push(id)
    return { ...e, id, source: idMap.get(e.source)!, target: idMap.get(e.target)! }
  })
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, ids: nodes.map((n) => n.id) }
}
