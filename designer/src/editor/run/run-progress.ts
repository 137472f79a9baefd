/**
 * Reads a run's event log into what the test-run panel and the canvas show:
 * each step's state (done, active, waiting, failed) and the timeline of
 * completed steps with the port they left by and their output.
 */
import type { RunEvent } from '../../api/types'
import type { NodeRunStatus } from '../canvas/to-react-flow'

export interface StepRecord {
  seq: number
  nodeId: string
  port?: string
  output?: unknown
  error?: string
  waiting?: boolean
}

/** `source\u0000port` for every port a run has left by, so the canvas can draw the path taken. */
export const portKey = (nodeId: string, port: string): string => `${nodeId}\u0000${port}`

export function nodeStates(events: RunEvent[]): Map<string, NodeRunStatus> & { ports?: Set<string> } {
  const states: Map<string, NodeRunStatus> & { ports?: Set<string> } = new Map()
  const ports = new Set<string>()
  states.ports = ports
  for (const e of events) {
    if (!e.nodeId) continue
    if (e.type === 'node.entered') states.set(e.nodeId, 'active')
    else if (e.type === 'node.completed') states.set(e.nodeId, 'done'), ports.add(portKey(e.nodeId, String(e.port)))
    else if (e.type === 'node.waiting') states.set(e.nodeId, 'waiting')
    else if (e.type === 'node.failed') states.set(e.nodeId, 'failed')
  }
  return states
}

export function timeline(events: RunEvent[]): StepRecord[] {
  const steps: StepRecord[] = []
  const open = new Map<string, StepRecord>()
  for (const e of events) {
    const exec = String(e.exec ?? e.nodeId)
    if (e.type === 'node.entered' && e.nodeId) {
      const step: StepRecord = { seq: Number(e.seq ?? steps.length), nodeId: e.nodeId }
      open.set(exec, step)
      steps.push(step)
    } else if (e.type === 'node.completed' || e.type === 'node.waiting' || e.type === 'node.failed') {
      const step = open.get(exec)
      if (!step) continue
      if (e.type === 'node.completed') Object.assign(step, { port: e.port, output: e.output, waiting: false })
      if (e.type === 'node.waiting') step.waiting = true
      if (e.type === 'node.failed') step.error = (e.error as { message?: string })?.message ?? 'failed'
    }
  }
  return steps
}

/** A starting input built from the flow's input schema, for when there is no sample. */
export function skeletonInput(schema: { properties?: Record<string, { type?: string }> }): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    out[key] = p.type === 'number' || p.type === 'integer' ? 0 : p.type === 'boolean' ? false : p.type === 'array' ? [] : p.type === 'object' ? {} : ''
  }
  return out
}
