/**
 * Sub-flow calls across flows: a flow that reaches itself through the flows
 * it calls (A runs B, B runs A) would nest child runs without end. The
 * validator sees one file; this walks the published flows its nodes call.
 */
import type { NodeTypeRegistry } from '../registry.js'
import { jsonPath } from './json-path.js'
import type { Flow } from './schema.js'
import type { Problem } from './validate.js'

/** Loads the flow a node calls: a pinned version, or the latest published one (`version` absent). */
export type CalledFlowLoader = (flowId: string, version?: number) => Promise<Flow | undefined>

/** How many flows deep the walk looks; the runtime's depth bound stops anything deeper. */
const MAX_WALK = 200

/** Flows a flow's nodes call, each with the node that calls it. */
export function callsOf(flow: Flow, registry: NodeTypeRegistry): { nodeIndex: number; flowId: string; version?: number }[] {
  const out: { nodeIndex: number; flowId: string; version?: number }[] = []
  flow.nodes.forEach((node, nodeIndex) => {
    const def = registry.get(node.type)
    if (!def?.calls) return
    const parsed = def.config.safeParse(node.config)
    if (!parsed.success) return
    for (const call of def.calls(parsed.data)) out.push({ nodeIndex, ...call })
  })
  return out
}

/**
 * The problem if `flow` calls itself through other flows, else none.
 *
 * @example
 * const problems = await findCallCycle(draft, registry, (id, v) => v ? store.flows.getVersion(id, v) : latestOf(id))
 */
export async function findCallCycle(flow: Flow, registry: NodeTypeRegistry, load: CalledFlowLoader): Promise<Problem[]> {
  const problems: Problem[] = []
  for (const call of callsOf(flow, registry)) {
    if (call.flowId === flow.id) continue // the validator reports direct self-calls
    const path = await pathBack(call.flowId, call.version, flow.id, registry, load)
    if (!path) continue
    problems.push({
      path: jsonPath(['nodes', call.nodeIndex, 'config']),
      code: 'flow.calls-itself',
      message: `node '${flow.nodes[call.nodeIndex].id}' runs flow '${call.flowId}', which runs ${[...path, flow.id].map((id) => `'${id}'`).join(' → ')}: this flow would call itself without end`,
    })
  }
  return problems
}

/** The chain of flows from `from` back to `target`, if there is one. */
async function pathBack(from: string, version: number | undefined, target: string, registry: NodeTypeRegistry, load: CalledFlowLoader): Promise<string[] | undefined> {
  const seen = new Set<string>()
  const stack: { flowId: string; version?: number; path: string[] }[] = [{ flowId: from, version, path: [] }]
  while (stack.length > 0 && seen.size < MAX_WALK) {
    const { flowId, version: v, path } = stack.pop()!
    const key = `${flowId}@${v ?? 'latest'}`
    if (seen.has(key)) continue
    seen.add(key)
    const called = await load(flowId, v)
    if (!called) continue
    for (const next of callsOf(called, registry)) {
      if (next.flowId === target) return [...path, flowId]
      stack.push({ flowId: next.flowId, version: next.version, path: [...path, flowId] })
    }
  }
  return undefined
}
