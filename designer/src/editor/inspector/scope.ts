/**
 * The variables an expression in a node may use, for completion: the run
 * input's fields (from the flow's input schema), the outputs of the steps
 * upstream of the node (what each built-in type produces), and the
 * parameters. A step that cannot have run before this one is not offered.
 */
import type { Flow } from '../../api/types'

export interface ScopeVariable {
  /** What is inserted: `input.amount`, `nodes.score.confidence`, `params.fourEyesAmount`. */
  path: string
  kind: 'input' | 'node' | 'field' | 'param'
  /** One line shown next to the suggestion. */
  detail: string
}

/** Output fields of the built-in types, with what they hold. Custom types offer `nodes.<id>` only. */
export const OUTPUT_FIELDS: Record<string, Record<string, string>> = {
  'ai-step': {
    label: 'label the model picked',
    value: 'score, extracted fields or draft',
    confidence: 'confidence, 0..1',
    model: 'provider model',
    modelVersion: 'model version that answered',
    scores: 'score per label',
    task: 'classify, score, extract or draft',
    error: 'why the AI failed (error port)',
  },
  rule: { outcome: 'port the rule chose', rule: 'index of the condition that hit', row: 'decision-table row that hit', sampled: 'sent to review by sampling' },
  'human-review': { decision: 'the reviewer’s decision', by: 'who decided', reason: 'why, when given', fields: 'form fields as corrected', overdue: 'true when the deadline passed' },
  'customer-confirmation': { answer: 'the customer’s answer', option: 'the option they picked', rating: 'rating 1–5', comment: 'their comment', expired: 'true when the link expired' },
  wait: { wokeAt: 'when the wait ended' },
  join: { branches: 'what each branch brought, in arrival order' },
  'sub-flow': { outcome: 'how the called flow ended', output: 'the called flow’s output', runId: 'the child run', error: 'why it failed (error port)' },
}

/** A `set` step's fields are the names it assigns. */
function setFields(config: Record<string, unknown> | undefined): Record<string, string> {
  const values = Array.isArray(config?.values) ? (config.values as { name?: unknown; value?: unknown }[]) : []
  return Object.fromEntries(values.filter((v) => typeof v.name === 'string').map((v) => [v.name as string, `set to ${String(v.value ?? '')}`]))
}

/** Node ids from which `nodeId` can be reached, nearest first (a loop does not include the node itself). */
export function upstreamOf(flow: Pick<Flow, 'edges'>, nodeId: string): string[] {
  const into = new Map<string, string[]>()
  for (const e of flow.edges) into.set(e.target, [...(into.get(e.target) ?? []), e.source])
  const seen = new Set<string>([nodeId])
  const order: string[] = []
  let frontier = [nodeId]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const id of frontier) {
      for (const source of into.get(id) ?? []) {
        if (seen.has(source)) continue
        seen.add(source)
        order.push(source)
        next.push(source)
      }
    }
    frontier = next
  }
  return order
}

export function expressionVariables(flow: Flow, nodeId: string | null): ScopeVariable[] {
  const props = ((flow.input as { properties?: Record<string, { type?: string; description?: string }> }).properties ?? {}) as Record<string, { type?: string; description?: string }>
  const input = Object.entries(props).map(([k, p]): ScopeVariable => ({ path: `input.${k}`, kind: 'input', detail: [p.type ?? 'any', p.description].filter(Boolean).join(' · ') }))
  const ids = nodeId === null ? flow.nodes.map((n) => n.id) : upstreamOf(flow, nodeId)
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  const nodes = ids.flatMap((id): ScopeVariable[] => {
    const n = byId.get(id)
    if (!n || n.type === 'start' || n.type === 'end') return []
    const name = n.label || n.id
    const ref = nodeRef(n.id)
    const known = n.type === 'set' ? setFields(n.config as Record<string, unknown>) : OUTPUT_FIELDS[n.type]
    const fields = Object.entries(known ?? {}).map(([f, what]): ScopeVariable => ({ path: `${ref}.${f}`, kind: 'field', detail: `${name}: ${what}` }))
    return [{ path: ref, kind: 'node', detail: `output of “${name}” (${n.type})` }, ...fields]
  })
  const params = flow.parameters.map((p): ScopeVariable => ({ path: `params.${p.name}`, kind: 'param', detail: `${p.label ?? p.name} · ${p.type} = ${JSON.stringify(p.value)}${p.unit ? ` ${p.unit}` : ''}` }))
  return [...input, ...nodes, ...params]
}

/** How CEL names a node's output: `nodes.score`, or `nodes["four-eyes"]` when the id is not an identifier. */
export function nodeRef(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) ? `nodes.${id}` : `nodes[${JSON.stringify(id)}]`
}

/** Just the paths, for the light editor's suggestions. */
export function expressionScope(flow: Flow, nodeId: string | null): string[] {
  return expressionVariables(flow, nodeId).map((v) => v.path)
}
