/**
 * Which connections the canvas accepts, and a plain sentence for the ones
 * it refuses. Checked while dragging (the target handle turns red) and
 * again on drop (a toast says why).
 */
import type { Flow, NodeTypeDescription } from '../../api/types'

export interface ConnectionAttempt {
  source: string | null
  sourcePort: string | null
  target: string | null
}

export function connectionProblem(flow: Flow, types: Map<string, NodeTypeDescription>, c: ConnectionAttempt, ignoreEdge?: string): string | null {
  if (!c.source || !c.target || !c.sourcePort) return 'Drop the connection on a step’s input.'
  if (c.source === c.target) return 'A step cannot connect to itself.'
  const target = flow.nodes.find((n) => n.id === c.target)
  if (!target) return 'That step no longer exists.'
  const desc = types.get(target.type)
  if (desc && desc.inputs.length === 0) return `${desc.title} steps take no input: a run begins there.`
  const duplicate = flow.edges.some((e) => e.id !== ignoreEdge && e.source === c.source && e.sourcePort === c.sourcePort && e.target === c.target)
  if (duplicate) return `“${c.sourcePort}” already leads to ${target.label ?? target.id}.`
  return null
}
