/**
 * Auto-layout with elkjs (layered, left to right), loaded only when the
 * user asks for it so the canvas never waits on it. Output ports keep their
 * order top to bottom, so the drawing reads like the node.
 */
import type { Flow } from '../../api/types'
import type { XY } from '../store/flow-edits'
import { NODE_SIZE } from './free-spot'
import type { Measured } from './to-react-flow'

export async function layoutFlow(flow: Flow, measured: Measured): Promise<Record<string, XY>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
  const elk = new ELK()
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      // Tight enough that an 8-step flow fits a 1440×900 window at a zoom where names read.
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: flow.nodes.map((n) => ({ id: n.id, ...(measured.get(n.id) ?? NODE_SIZE) })),
    edges: flow.edges
      .filter((e) => e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  }
  const result = await elk.layout(graph)
  const positions: Record<string, XY> = {}
  for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 }
  return positions
}
