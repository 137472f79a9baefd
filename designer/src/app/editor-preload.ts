/**
 * Starts what the editor needs (the flow, the node types, the built-in
 * definitions) as soon as the route is known, in parallel with the editor's
 * own chunk, instead of one after the other.
 */
import { api } from '../api/client'
import type { FlowRecord, NodeTypeDescription } from '../api/types'

type Preloaded = Promise<[FlowRecord, NodeTypeDescription[], void]>
const pending = new Map<string, Preloaded>()

export function preloadEditor(flowId: string): void {
  if (pending.has(flowId)) return
  const builtins = import('../editor/graph/load-builtins').then((m) => m.loadBuiltins())
  const loading = Promise.all([api.getFlow(flowId), api.nodeTypes(), builtins])
  loading.catch(() => {}) // the editor reports failures when it takes the result
  pending.set(flowId, loading)
}

/** The preloaded data, once: a later visit fetches fresh data. */
export function takePreloaded(flowId: string): Preloaded | undefined {
  const loading = pending.get(flowId)
  pending.delete(flowId)
  return loading
}
