/**
 * The canvas: React Flow drawing nodes and edges derived from the flow.
 * Drops from the palette add nodes, connections are checked before they are
 * made (refused ones say why), and canvas commands (fit, layout, add,
 * focus) are handed to the toolbar and shortcuts.
 */
import { Background, BackgroundVariant, ConnectionLineType, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow, useStore, useStoreApi, type Connection, type Edge, type FinalConnectionState } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MutableRefObject } from 'react'
import { toast } from '../../ui/toast-store'
import { useEditorContext, useEditorState, type CanvasCommands } from '../EditorContext'
import { connectionProblem } from '../graph/connection-rules'
import { flowOf } from '../store/editor-store'
import { addNode, connect, moveNodes, reconnect } from '../store/flow-edits'
import { CanvasEmptyState } from './CanvasEmptyState'
import { freeSpot, NODE_SIZE } from './free-spot'
import { nodeTypes } from './FlowNodeView'
import { QuickAdd, type QuickAddRequest } from './QuickAdd'
import type { CanvasOverlay } from './overlay'
import { levelOfDetail, READABLE_ZOOM, readableViewport } from './readable-view'
import { toCanvasEdges, toCanvasNodes } from './to-react-flow'
import { useCanvasChanges } from './useCanvasChanges'

export const DRAG_MIME = 'application/x-inloop-node-type'
/** Where the pointer holds a dropped step: the middle of its title row. */
const NODE_OFFSET = { x: NODE_SIZE.width / 2, y: 24 }

export function Canvas({ commands, overlay }: { commands: MutableRefObject<CanvasCommands>; overlay: CanvasOverlay }) {
  const { store, types, typeList, problems } = useEditorContext()
  const flow = useEditorState(flowOf)
  const selection = useEditorState((s) => s.selection)
  const rf = useReactFlow()
  // Zoomed out, steps are drawn compact (just their name, large); far out, without text so big flows pan smoothly.
  const detail = useStore((s) => levelOfDetail(s.transform[2]))
  const far = detail === 'far'
  const large = flow.nodes.length > 300
  const wrapper = useRef<HTMLDivElement>(null)
  const { measured, measureTick, onNodesChange, onEdgesChange, onNodeDragStop } = useCanvasChanges(store)
  useCompactLabelSize(wrapper)

  const fitReadable = useCallback(
    (duration: number) => {
      const current = flowOf(store.get()).nodes
      if (current.length === 0 || !wrapper.current) return
      const boxes = current.map((n) => ({ ...n.position, ...(measured.get(n.id) ?? NODE_SIZE) }))
      const x = Math.min(...boxes.map((b) => b.x))
      const y = Math.min(...boxes.map((b) => b.y))
      const bounds = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y }
      const { width, height } = wrapper.current.getBoundingClientRect()
      void rf.setViewport(readableViewport(bounds, width, height), { duration })
    },
    [rf, store, measured],
  )
  // Fit once when the flow opens with steps (once they are measured; a large flow at once, from estimated sizes);
  // an empty flow stays at 100% so the first drop does not jump.
  const [fitted, setFitted] = useState(() => flow.nodes.length === 0)
  const initialized = useNodesInitialized()
  useEffect(() => {
    if (fitted || (!initialized && !large)) return
    fitReadable(0)
    setFitted(true)
  }, [fitted, initialized, large, fitReadable])

  const nodes = useMemo(() => toCanvasNodes(flow, types, selection, problems, measured, overlay), [flow, types, selection, problems, measured, measureTick, overlay])
  const edges = useMemo(() => toCanvasEdges(flow, selection, problems, overlay), [flow, selection, problems, overlay])

  const add = useCallback(
    (type: string, at: { x: number; y: number }) => {
      const desc = types.get(type)
      if (!desc) return
      const current = flowOf(store.get()).nodes
      const taken = new Set(current.map((n) => n.id))
      const boxes = current.map((n) => ({ ...n.position, ...(measured.get(n.id) ?? NODE_SIZE) }))
      const spot = freeSpot({ x: at.x - NODE_OFFSET.x, y: at.y - NODE_OFFSET.y }, NODE_SIZE, boxes)
      store.dispatch({ type: 'edit', edit: (f) => addNode(f, desc, spot), select: { nodes: [], edges: [] } })
      const added = flowOf(store.get()).nodes.find((n) => !taken.has(n.id))
      if (added) store.dispatch({ type: 'select', selection: { nodes: [added.id], edges: [] } })
    },
    [store, types, measured],
  )

  useEffect(() => {
    commands.current = {
      fitView: () => fitReadable(250),
      autoLayout: async () => {
        const { layoutFlow } = await import('./layout')
        const positions = await layoutFlow(flowOf(store.get()), measured)
        store.dispatch({ type: 'edit', edit: (f) => moveNodes(f, positions) })
        requestAnimationFrame(() => fitReadable(300))
      },
      addNodeAtCenter: (type) => {
        const box = wrapper.current!.getBoundingClientRect()
        const count = flowOf(store.get()).nodes.length
        const at = rf.screenToFlowPosition({ x: box.left + box.width / 2 + (count % 5) * 24, y: box.top + box.height / 2 + (count % 5) * 24 })
        add(type, at)
      },
      focusNode: (id) => {
        const node = flowOf(store.get()).nodes.find((n) => n.id === id)
        if (!node) return
        store.dispatch({ type: 'select', selection: { nodes: [id], edges: [] } })
        const size = measured.get(id) ?? NODE_SIZE
        void rf.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 300 })
      },
    }
  }, [commands, rf, store, add, measured, fitReadable])

  const check = useCallback(
    (c: { source: string | null; sourceHandle?: string | null; target: string | null }, ignoreEdge?: string) =>
      connectionProblem(flowOf(store.get()), types, { source: c.source, sourcePort: c.sourceHandle ?? null, target: c.target }, ignoreEdge),
    [store, types],
  )
  const onConnect = useCallback(
    (c: Connection) => {
      const problem = check(c)
      if (problem) return toast(problem, 'error')
      store.dispatch({ type: 'edit', edit: (f) => connect(f, c.source, c.sourceHandle!, c.target) })
    },
    [check, store],
  )
  const [quickAdd, setQuickAdd] = useState<QuickAddRequest | null>(null)
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return
      if (!state.toNode && state.fromHandle?.type === 'source' && state.fromHandle.id) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event
        const box = wrapper.current!.getBoundingClientRect()
        const position = rf.screenToFlowPosition({ x: point.clientX, y: point.clientY })
        setQuickAdd({ left: Math.min(point.clientX - box.left, box.width - 260), top: Math.min(point.clientY - box.top, box.height - 320), source: state.fromNode.id, port: state.fromHandle.id, position })
        return
      }
      if (!state.toNode) return
      const problem = check({ source: state.fromNode.id, sourceHandle: state.fromHandle?.id ?? null, target: state.toNode.id })
      if (problem) toast(problem, 'error')
    },
    [check, rf],
  )
  const pickQuickAdd = useCallback(
    (type: string) => {
      const desc = types.get(type)
      if (!desc || !quickAdd) return
      const taken = new Set(flowOf(store.get()).nodes.map((n) => n.id))
      store.dispatch({
        type: 'edit',
        edit: (f) => {
          const added = addNode(f, desc, { x: quickAdd.position.x, y: quickAdd.position.y - NODE_OFFSET.y })
          const node = added.nodes.find((n) => !taken.has(n.id))!
          return connect(added, quickAdd.source, quickAdd.port, node.id)
        },
      })
      const node = flowOf(store.get()).nodes.find((n) => !taken.has(n.id))
      if (node) store.dispatch({ type: 'select', selection: { nodes: [node.id], edges: [] } })
      setQuickAdd(null)
    },
    [quickAdd, store, types],
  )
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const problem = check(c, old.id)
      if (problem) return toast(problem, 'error')
      store.dispatch({ type: 'edit', edit: (f) => reconnect(f, old.id, c.source, c.sourceHandle!, c.target) })
    },
    [check, store],
  )
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME)
      if (!type) return
      e.preventDefault()
      add(type, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
    },
    [add, rf],
  )

  return (
    <div className={`canvas lod-${detail}${large ? ' is-large' : ''}${fitted ? '' : ' is-fitting'}`} ref={wrapper} data-testid="canvas" data-detail={detail}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        isValidConnection={(c) => check(c, 'id' in c ? (c as Edge).id : undefined) === null}
        onMoveStart={() => wrapper.current?.classList.add('is-moving')}
        onMoveEnd={() => wrapper.current?.classList.remove('is-moving')}
        onDrop={onDrop}
        onDragOver={(e) => {
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
        }}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Meta', 'Control']}
        connectionLineType={ConnectionLineType.SmoothStep}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        onlyRenderVisibleElements={large && !far}
        minZoom={0.1}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        proOptions={{ hideAttribution: false }}
        attributionPosition="top-right"
      >
        {!large && <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cbd5e1" />}
        {flow.nodes.length > 0 && <MiniMap pannable zoomable nodeColor={(n) => (n.data as { desc?: { color: string } }).desc?.color ?? '#94a3b8'} nodeBorderRadius={6} maskColor="rgba(241,245,249,0.7)" />}
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      {quickAdd && <QuickAdd request={quickAdd} types={typeList} onPick={pickQuickAdd} onClose={() => setQuickAdd(null)} />}
      {flow.nodes.length === 0 && <CanvasEmptyState onAdd={(type) => commands.current.addNodeAtCenter(type)} />}
    </div>
  )
}

/**
 * Keeps `--label-zoom` on the canvas at the zoom (rounded down, never below
 * the readable zoom) that compact names are sized for, without re-rendering
 * the canvas on every zoom step.
 */
function useCompactLabelSize(wrapper: React.RefObject<HTMLDivElement | null>) {
  const api = useStoreApi()
  useEffect(() => {
    let last = 0
    const apply = (zoom: number) => {
      const step = Math.max(READABLE_ZOOM, Math.floor(zoom * 20) / 20)
      if (step === last || !wrapper.current) return
      last = step
      wrapper.current.style.setProperty('--label-zoom', String(step))
    }
    apply(api.getState().transform[2])
    return api.subscribe((s) => apply(s.transform[2]))
  }, [api, wrapper])
}
