/** Loads what the editor needs before it can draw: the flow and the node types. */
import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import type { FlowRecord, NodeTypeDescription } from '../api/types'
import { takePreloaded } from '../app/editor-preload'
import { useSession } from '../app/session'
import { loadBuiltins } from './graph/load-builtins'

export type Loaded = { status: 'loading' } | { status: 'error'; message: string; notFound: boolean } | { status: 'ready'; record: FlowRecord; types: NodeTypeDescription[] }

export function useLoadEditor(flowId: string): Loaded {
  const [state, setState] = useState<Loaded>({ status: 'loading' })
  const ready = useRef(false)
  ready.current = state.status === 'ready'
  // After signing in again, load what failed; a loaded editor keeps its edits.
  const { epoch } = useSession()
  useEffect(() => {
    if (ready.current) return
    let live = true
    const loading = takePreloaded(flowId) ?? Promise.all([api.getFlow(flowId), api.nodeTypes(), loadBuiltins()])
    loading.then(
      ([record, types]) => live && setState({ status: 'ready', record, types }),
      (e: Error & { status?: number }) => live && setState({ status: 'error', message: e.message, notFound: e.status === 404 }),
    )
    return () => {
      live = false
    }
  }, [flowId, epoch])
  return state
}
