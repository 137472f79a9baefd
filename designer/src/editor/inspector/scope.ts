/**
 * The variables an expression in a node may use, for suggestions: the run
 * input's fields, the outputs of the other steps, and the parameters.
 */
import type { Flow } from '../../api/types'

const OUTPUT_FIELDS: Record<string, string[]> = {
  'ai-step': ['value', 'label', 'confidence', 'model'],
  rule: ['outcome'],
  'human-review': ['decision', 'by', 'reason', 'fields'],
  'customer-confirmation': ['answer'],
}

export function expressionScope(flow: Flow, nodeId: string | null): string[] {
  const input = Object.keys(((flow.input as { properties?: Record<string, unknown> }).properties ?? {}) as object).map((k) => `input.${k}`)
  const nodes = flow.nodes
    .filter((n) => n.id !== nodeId && n.type !== 'end')
    .flatMap((n) => (n.type === 'start' ? [] : [`nodes.${n.id}`, ...(OUTPUT_FIELDS[n.type] ?? []).map((f) => `nodes.${n.id}.${f}`)]))
  const params = flow.parameters.map((p) => `params.${p.name}`)
  return [...input, ...nodes, ...params]
}
