/**
 * The compared flows on one read-only canvas: the newer flow, with steps and
 * connections marked added (green), changed (amber) or removed (red ghosts
 * where they were).
 */
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react'
import { useMemo } from 'react'
import { nodeTypes } from '../canvas/FlowNodeView'
import type { CanvasNode } from '../canvas/to-react-flow'
import { useEditorContext } from '../EditorContext'
import { nodeInfo, paramValues } from '../graph/node-info'
import type { FlowDiff } from './flow-diff'

export function CompareCanvas({ diff }: { diff: FlowDiff }) {
  const { types } = useEditorContext()
  const nodes = useMemo<CanvasNode[]>(() => {
    const params = paramValues(diff.merged)
    return diff.merged.nodes.map((node) => {
      const desc = types.get(node.type)
      const status = diff.nodes.get(node.id)
      return {
        id: node.id,
        type: 'inloop',
        position: node.position,
        draggable: false,
        connectable: false,
        data: { node, desc, info: nodeInfo(node, desc, params), strayPorts: [], problems: [], run: undefined, diff: status === 'same' ? undefined : status },
      }
    })
  }, [diff, types])
  const edges = useMemo<Edge[]>(
    () =>
      diff.merged.edges.map((e) => {
        const status = diff.edges.get(e.id)
        return { id: e.id, source: e.source, sourceHandle: e.sourcePort, target: e.target, type: 'smoothstep', className: status && status !== 'same' ? `edge-diff-${status}` : undefined, focusable: false }
      }),
    [diff],
  )
  return (
    <ReactFlowProvider>
      <div className="canvas compare-canvas" data-testid="compare-canvas">
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} fitView fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }} minZoom={0.1} proOptions={{ hideAttribution: false }} attributionPosition="top-right">
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cbd5e1" />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  )
}
