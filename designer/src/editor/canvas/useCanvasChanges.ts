/**
 * Turns React Flow's change events into store actions: drags move nodes
 * without history until the drag ends (one undo step), selections update
 * the store's selection, and measured sizes are kept so derived nodes
 * keep their dimensions.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react'
import { useCallback, useRef, useState } from 'react'
import { moveNodes, type XY } from '../store/flow-edits'
import type { EditorStore } from '../store/editor-store'
import type { CanvasNode, Measured } from './to-react-flow'

export function useCanvasChanges(store: EditorStore) {
  const measured = useRef<Measured>(new Map())
  const [measureTick, setMeasureTick] = useState(0)

  const select = useCallback(
    (kind: 'nodes' | 'edges', changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return
      const selection = store.get().selection
      const ids = new Set(selection[kind])
      for (const c of changes) c.selected ? ids.add(c.id) : ids.delete(c.id)
      store.dispatch({ type: 'select', selection: { ...selection, [kind]: [...ids] } })
    },
    [store],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions: Record<string, XY> = {}
      let moved = false
      let resized = false
      const selects: { id: string; selected: boolean }[] = []
      for (const c of changes) {
        if (c.type === 'position' && c.position) (positions[c.id] = c.position), (moved = true)
        else if (c.type === 'dimensions' && c.dimensions) {
          const prev = measured.current.get(c.id)
          if (!prev || prev.width !== c.dimensions.width || prev.height !== c.dimensions.height) {
            measured.current.set(c.id, { width: c.dimensions.width, height: c.dimensions.height })
            resized = true
          }
        } else if (c.type === 'select') selects.push(c)
      }
      if (moved) store.dispatch({ type: 'transient', edit: (f) => moveNodes(f, positions) })
      if (resized) setMeasureTick((t) => t + 1)
      select('nodes', selects)
    },
    [store, select],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => select('edges', changes.filter((c): c is EdgeChange & { type: 'select' } => c.type === 'select')),
    [select],
  )

  const onNodeDragStop = useCallback(() => store.dispatch({ type: 'commit' }), [store])

  return { measured: measured.current, measureTick, onNodesChange, onEdgesChange, onNodeDragStop }
}
