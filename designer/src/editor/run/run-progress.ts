/**
 * Reads a run's event log into what the canvas draws for it: each step's
 * state (done, active, waiting, failed) and the ports the run left by; and
 * a starting input for a test run when the flow has no samples.
 */
import type { RunEvent } from '../../api/types'
import { portKey, type RunPath } from '../canvas/overlay'

/** Each step's state and the ports the run left by, so the canvas can draw the path taken. */
export function nodeStates(events: RunEvent[]): RunPath {
  const states: RunPath['nodes'] = new Map()
  const ports = new Set<string>()
  for (const e of events) {
    if (!e.nodeId) continue
    if (e.type === 'node.entered') states.set(e.nodeId, 'active')
    else if (e.type === 'node.completed') states.set(e.nodeId, 'done'), ports.add(portKey(e.nodeId, String(e.port)))
    else if (e.type === 'node.waiting') states.set(e.nodeId, 'waiting')
    else if (e.type === 'node.failed') states.set(e.nodeId, 'failed')
  }
  return { nodes: states, ports }
}

/** A starting input built from the flow's input schema, for when there is no sample. */
export function skeletonInput(schema: { properties?: Record<string, { type?: string }> }): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    out[key] = p.type === 'number' || p.type === 'integer' ? 0 : p.type === 'boolean' ? false : p.type === 'array' ? [] : p.type === 'object' ? {} : ''
  }
  return out
}
