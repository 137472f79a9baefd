/**
 * Every edit the designer can make to a flow, as pure functions
 * `(flow, …) → flow`. The editor store applies them with undo history; the
 * canvas and inspector only ever call these, so the flow JSON stays the
 * single source of truth.
 */
import type { Flow, NodeTypeDescription } from '../../api/types'
import type { FlowEdge, FlowNode } from '../../../../node-types/flow/schema'
import { nextEdgeId, uniqueId } from './ids'

export type XY = { x: number; y: number }

export function addNode(flow: Flow, desc: NodeTypeDescription, position: XY, id?: string): Flow {
  const node: FlowNode = {
    id: id ?? uniqueId(desc.type, flow.nodes.map((n) => n.id)),
    type: desc.type,
    typeVersion: desc.version,
    position: round(position),
    label: desc.title,
    config: structuredClone(desc.defaults ?? {}),
  }
  return { ...flow, nodes: [...flow.nodes, node] }
}

export function moveNodes(flow: Flow, positions: Record<string, XY>): Flow {
  let changed = false
  const nodes = flow.nodes.map((n) => {
    const p = positions[n.id]
    if (!p) return n
    const r = round(p)
    if (r.x === n.position.x && r.y === n.position.y) return n
    changed = true
    return { ...n, position: r }
  })
  return changed ? { ...flow, nodes } : flow
}

export function removeElements(flow: Flow, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): Flow {
  const nodes = new Set(nodeIds)
  const edges = new Set(edgeIds)
  if (nodes.size === 0 && edges.size === 0) return flow
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !nodes.has(n.id)),
    edges: flow.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  }
}

export function connect(flow: Flow, source: string, sourcePort: string, target: string): Flow {
  const edge: FlowEdge = { id: nextEdgeId(flow.edges.map((e) => e.id)), source, sourcePort, target }
  return { ...flow, edges: [...flow.edges, edge] }
}

/** Move an edge's end to another node or port (dragging an edge end). */
export function reconnect(flow: Flow, edgeId: string, source: string, sourcePort: string, target: string): Flow {
  return { ...flow, edges: flow.edges.map((e) => (e.id === edgeId ? { ...e, source, sourcePort, target } : e)) }
}

export function updateNode(flow: Flow, id: string, patch: Partial<Pick<FlowNode, 'label' | 'config'>>): Flow {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? withPatch(n, patch) : n)) }
}

function withPatch(node: FlowNode, patch: Partial<Pick<FlowNode, 'label' | 'config'>>): FlowNode {
  const next = { ...node, ...patch }
  if ('label' in patch && !patch.label) delete next.label
  return next
}

/** Rename a node; edges follow. Expressions that name it (`nodes.old`) are left to the user. */
export function renameNode(flow: Flow, from: string, to: string): Flow {
  if (from === to || flow.nodes.some((n) => n.id === to)) return flow
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === from ? { ...n, id: to } : n)),
    edges: flow.edges.map((e) => (e.source === from || e.target === from ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target } : e)),
  }
}

/** When a config edit renames exactly one port (a decision, a rule outcome), its edges follow. */
export function followRenamedPort(flow: Flow, nodeId: string, before: string[], after: string[]): Flow {
  const gone = before.filter((p) => !after.includes(p))
  const added = after.filter((p) => !before.includes(p))
  if (gone.length !== 1 || added.length !== 1) return flow
  const [from, to] = [gone[0], added[0]]
  if (!flow.edges.some((e) => e.source === nodeId && e.sourcePort === from)) return flow
  return { ...flow, edges: flow.edges.map((e) => (e.source === nodeId && e.sourcePort === from ? { ...e, sourcePort: to } : e)) }
}

export function updateFlowMeta(flow: Flow, patch: Partial<Pick<Flow, 'name' | 'description' | 'parameters' | 'input'>>): Flow {
  return { ...flow, ...patch }
}

export function round(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) }
}
