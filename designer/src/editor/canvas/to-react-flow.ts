/**
 * Derives React Flow's nodes and edges from the flow (the single source of
 * truth). Objects are reused while their inputs are unchanged, so React
 * Flow re-renders only the nodes an edit touched — a 1,000-node flow stays
 * smooth.
 */
import type { Edge, Node } from '@xyflow/react'
import type { Flow, NodeTypeDescription, Problem } from '../../api/types'
import type { FlowEdge, FlowNode } from '../../../../node-types/flow/schema'
import { nodeInfo, paramValues, type NodeInfo } from '../graph/node-info'
import type { ProblemIndex } from '../graph/problem-index'
import type { Selection } from '../store/editor-store'
import { edgeWidth, portKey, type CanvasOverlay, type NodeLive, type NodeRunStatus } from './overlay'
import { direction, edgeKey, signed, type Counts } from '../replay/replay-overlay'

export type { NodeRunStatus }

export interface CanvasNodeData extends Record<string, unknown> {
  node: FlowNode
  desc: NodeTypeDescription | undefined
  info: NodeInfo
  /** Ports only an edge still names (e.g. a renamed decision): drawn in red. */
  strayPorts: string[]
  problems: Problem[]
  run: NodeRunStatus | undefined
  /** Live counts of the runs at this step, when the overlay is on. */
  live?: NodeLive
  /** While the draft is tried on past runs: cases through this step, as recorded and with the draft. */
  replay?: Counts
  /** When comparing versions: how this step changed. */
  diff?: 'added' | 'removed' | 'changed' | 'moved'
}

export type CanvasNode = Node<CanvasNodeData, 'inloop'>
export type Measured = Map<string, { width: number; height: number }>

const NO_PROBLEMS: Problem[] = []
const NO_PORTS: string[] = []
const nodeCache = new WeakMap<FlowNode, CanvasNode>()

export function toCanvasNodes(
  flow: Flow,
  types: Map<string, NodeTypeDescription>,
  selection: Selection,
  problems: ProblemIndex,
  measured: Measured,
  overlay: CanvasOverlay,
): CanvasNode[] {
  const params = paramValues(flow)
  const selected = new Set(selection.nodes)
  const edgePorts = new Map<string, Set<string>>()
  for (const e of flow.edges) {
    const set = edgePorts.get(e.source) ?? new Set<string>()
    set.add(e.sourcePort)
    edgePorts.set(e.source, set)
  }
  return flow.nodes.map((node) => {
    const desc = types.get(node.type)
    const info = nodeInfo(node, desc, params)
    const used = edgePorts.get(node.id)
    const stray = used ? [...used].filter((p) => !info.ports.includes(p)) : NO_PORTS
    const data: CanvasNodeData = { node, desc, info, strayPorts: stray.length ? stray : NO_PORTS, problems: problems.byNode.get(node.id) ?? NO_PROBLEMS, run: overlay.run.nodes.get(node.id), live: overlay.live?.nodes.get(node.id), replay: overlay.replay?.nodes.get(node.id) }
    const size = measured.get(node.id)
    const prev = nodeCache.get(node)
    const same = prev !== undefined && sameData(prev.data, data)
    if (same && prev.selected === selected.has(node.id) && prev.measured === size) return prev
    // Keep the data object when only selection or size changed: the memoised node view then skips its render.
    const next: CanvasNode = { id: node.id, type: 'inloop', position: node.position, data: same ? prev.data : data, selected: selected.has(node.id), measured: size }
    nodeCache.set(node, next)
    return next
  })
}

function sameData(a: CanvasNodeData, b: CanvasNodeData): boolean {
  return a.desc === b.desc && a.info === b.info && a.problems === b.problems && a.run === b.run && a.live === b.live && a.replay === b.replay && a.strayPorts.join() === b.strayPorts.join()
}

const edgeCache = new WeakMap<FlowEdge, Edge>()

export function toCanvasEdges(flow: Flow, selection: Selection, problems: ProblemIndex, overlay: CanvasOverlay): Edge[] {
  const selected = new Set(selection.edges)
  const { run, live } = overlay
  let max = 0
  if (live) for (const n of live.ports.values()) max = Math.max(max, n)
  if (overlay.replay) return replayEdges(flow, selection, overlay.replay)
  return flow.edges.map((e) => {
    const bad = problems.byEdge.has(e.id)
    const key = portKey(e.source, e.sourcePort)
    const walked = run.ports.has(key) && run.nodes.has(e.target)
    const count = live ? (live.ports.get(key) ?? 0) : undefined
    const width = count === undefined ? undefined : edgeWidth(count, max)
    const className = [bad ? 'edge-error' : walked ? 'edge-walked' : '', count ? 'edge-live' : ''].filter(Boolean).join(' ') || undefined
    const prev = edgeCache.get(e)
    if (prev && prev.selected === selected.has(e.id) && prev.className === className && prev.label === (count ? String(count) : undefined) && prev.style?.strokeWidth === width) return prev
    const next: Edge = {
      id: e.id,
      source: e.source,
      sourceHandle: e.sourcePort,
      target: e.target,
      type: 'smoothstep',
      selected: selected.has(e.id),
      className,
      animated: walked,
      label: count ? String(count) : undefined,
      labelBgPadding: [5, 2],
      labelBgBorderRadius: 8,
      style: width === undefined ? undefined : { strokeWidth: width },
      ariaLabel: `Connection from ${e.source} (${e.sourcePort}) to ${e.target}${count ? `, taken by ${count} runs` : ''}`,
    }
    edgeCache.set(e, next)
    return next
  })
}

/** Edges while a replay is shown: as thick as the cases the draft sends along them, labelled with the change. */
function replayEdges(flow: Flow, selection: Selection, replay: NonNullable<CanvasOverlay['replay']>): Edge[] {
  const selected = new Set(selection.edges)
  return flow.edges.map((e) => {
    const counts = replay.edges.get(edgeKey(e.source, e.sourcePort, e.target)) ?? { before: 0, after: 0 }
    const moved = direction(counts)
    const label = counts.before === counts.after ? (counts.after ? String(counts.after) : undefined) : `${counts.before} → ${counts.after} (${signed(counts.after - counts.before)})`
    return {
      id: e.id,
      source: e.source,
      sourceHandle: e.sourcePort,
      target: e.target,
      type: 'smoothstep',
      selected: selected.has(e.id),
      className: `edge-replay is-${moved}`,
      label,
      labelBgPadding: [5, 2] as [number, number],
      labelBgBorderRadius: 8,
      style: { strokeWidth: edgeWidth(counts.after, replay.max) },
      ariaLabel: `Connection from ${e.source} (${e.sourcePort}) to ${e.target}: ${counts.before} past cases, ${counts.after} with this draft`,
      data: { before: counts.before, after: counts.after },
    }
  })
}
