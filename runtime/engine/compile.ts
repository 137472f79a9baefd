/**
 * Compile a flow version once: validate it, parse every node's config with
 * its type's schema, index edges by port and compile the input schema. The
 * hot path (executing nodes) then never parses anything again.
 */
import { z } from 'zod'
import { planJoins } from '../../node-types/flow/joins.js'
import { findParamRefs, substituteParamRefs } from '../../node-types/flow/param-ref.js'
import type { Flow, FlowNode } from '../../node-types/flow/schema.js'
import { validateFlow } from '../../node-types/flow/validate.js'
import type { NodeTypeRegistry } from '../../node-types/registry.js'
import type { AnyNodeType } from '../../node-types/sdk/define-node-type.js'
import type { Json } from '../../node-types/sdk/types.js'
import { EngineError } from './errors.js'

export interface CompiledNode {
  node: FlowNode
  def: AnyNodeType
  config: unknown
  ports: ReadonlySet<string>
  /** A join: the arrivals that complete it, and the steps of its branches (cancelled when it completes early). */
  join?: { expected: number; branch: ReadonlySet<string> }
}

export interface CompiledFlow {
  flow: Flow
  startId: string
  nodes: Map<string, CompiledNode>
  /** `${nodeId}\u0000${port}` → target node ids. */
  edges: Map<string, string[]>
  input: z.ZodType
  defaultParams: Record<string, Json>
  /** True when some config uses `{ $param }`, so configs depend on the run's parameter values. */
  usesParamRefs: boolean
}

export function compileFlow(flow: Flow, registry: NodeTypeRegistry, params?: Record<string, Json>): CompiledFlow {
  const validation = validateFlow(flow, registry)
  if (!validation.ok) {
    throw new EngineError('FLOW_INVALID', `flow '${flow.id}' is not valid: ${validation.problems[0].message}`, {
      problems: validation.problems,
    })
  }
  const defaultParams: Record<string, Json> = {}
  for (const p of flow.parameters) defaultParams[p.name] = p.value
  const values = params ?? defaultParams
  const nodes = new Map<string, CompiledNode>()
  let usesParamRefs = false
  for (const node of flow.nodes) {
    const def = registry.get(node.type)!
    let raw: unknown = node.config
    if (node.typeVersion < def.version && def.migrate) raw = def.migrate(raw, node.typeVersion)
    if (findParamRefs(raw).length > 0) usesParamRefs = true
    const config = def.config.parse(substituteParamRefs(raw, values))
    nodes.set(node.id, { node, def, config, ports: new Set(def.portsFor(config)) })
  }
  const edges = new Map<string, string[]>()
  for (const edge of flow.edges) {
    const key = `${edge.source}\u0000${edge.sourcePort}`
    edges.set(key, [...(edges.get(key) ?? []), edge.target])
  }
  const graph = [...nodes.values()].map((n) => ({ id: n.node.id, ports: [...n.ports], gathers: n.def.gathers?.(n.config) }))
  for (const plan of planJoins(graph, flow.edges).plans) nodes.get(plan.joinId)!.join = { expected: plan.expected, branch: plan.branch }
  return {
    flow,
    startId: flow.nodes.find((n) => n.type === 'start')!.id,
    nodes,
    edges,
    input: compileInputSchema(flow),
    defaultParams,
    usesParamRefs,
  }
}

function compileInputSchema(flow: Flow): z.ZodType {
  try {
    return z.fromJSONSchema(flow.input as Parameters<typeof z.fromJSONSchema>[0])
  } catch (error) {
    throw new EngineError('FLOW_INVALID', `flow '${flow.id}': its input schema cannot be used: ${(error as Error).message}`)
  }
}

/** Targets of a node's port. */
export function targetsOf(compiled: CompiledFlow, nodeId: string, port: string): string[] {
  return compiled.edges.get(`${nodeId}\u0000${port}`) ?? []
}
