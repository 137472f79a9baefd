/**
 * The flow validator: every problem in a flow file at once, each with a JSON
 * path, a stable code and a plain sentence. Used by the API, the CLI, the
 * designer (inline) and the engine (before a version may run).
 */
import type { z } from 'zod'
import { compileExpression, ExpressionError, referencedParameters } from '../expr/cel.js'
import type { NodeTypeRegistry } from '../registry.js'
import type { AnyNodeType } from '../sdk/define-node-type.js'
import { jsonPath } from './json-path.js'
import { planJoins, type GraphEdge } from './joins.js'
import { flowSchema, type Flow } from './schema.js'
import { nearMatches } from './near-matches.js'
import { findParamRefs, substituteParamRefs } from './param-ref.js'

export type ProblemCode =
  | 'schema.invalid'
  | 'id.duplicate'
  | 'node.unknown-type'
  | 'node.type-version'
  | 'node.bad-config'
  | 'node.unreachable'
  | 'flow.missing-start'
  | 'flow.multiple-starts'
  | 'flow.cycle-without-wait'
  | 'edge.dangling'
  | 'edge.unknown-port'
  | 'edge.no-input'
  | 'port.unconnected'
  | 'param.unknown'
  | 'expression.invalid'
  | 'flow.calls-itself'
  | 'join.no-split'
  | 'join.branch-may-not-arrive'

export interface Problem {
  path: string
  code: ProblemCode
  message: string
}

export type ValidationResult = { ok: true; flow: Flow; problems: [] } | { ok: false; problems: Problem[] }

interface LooseNode {
  index: number
  id: string
  type: string
  def?: AnyNodeType
  ports: string[]
  /** Flows this node runs as child runs (sub-flows). */
  calls: { flowId: string; version?: number }[]
  /** For a join: the arrivals that complete it. */
  gathers?: number | 'all'
}

/** Validate a flow document (already JSON-parsed). */
export function validateFlow(document: unknown, registry: NodeTypeRegistry): ValidationResult {
  const problems: Problem[] = []
  const parsed = flowSchema.safeParse(document)
  if (!parsed.success) problems.push(...schemaProblems(parsed.error, []))
  const raw = (isObject(document) ? document : {}) as Record<string, unknown>
  const paramValues: Record<string, unknown> = {}
  for (const p of Array.isArray(raw.parameters) ? raw.parameters : []) {
    if (isObject(p) && typeof p.name === 'string') paramValues[p.name] = p.value
  }
  const nodes = checkNodes(raw.nodes, registry, paramValues, problems)
  checkParameters(raw.parameters, problems)
  checkGraph(nodes, raw.edges, problems)
  checkSelfCalls(raw.id, nodes, problems)
  if (problems.length > 0 || !parsed.success) return { ok: false, problems }
  return { ok: true, flow: parsed.data, problems: [] }
}

/** A flow that runs itself as a sub-flow would nest runs without end. (Calls through other flows: `findCallCycle`.) */
function checkSelfCalls(flowId: unknown, nodes: LooseNode[], problems: Problem[]): void {
  for (const node of nodes) {
    if (!node.calls.some((c) => c.flowId === flowId)) continue
    problems.push({
      path: jsonPath(['nodes', node.index, 'config']),
      code: 'flow.calls-itself',
      message: `node '${node.id}' runs flow '${String(flowId)}' — this very flow — as a sub-flow, which would never end; call another flow`,
    })
  }
}

function checkParameters(parameters: unknown, problems: Problem[]): void {
  if (!Array.isArray(parameters)) return
  const seen = new Set<string>()
  parameters.forEach((p, i) => {
    if (!isObject(p) || typeof p.name !== 'string') return
    if (seen.has(p.name)) {
      problems.push({ path: jsonPath(['parameters', i, 'name']), code: 'id.duplicate', message: `parameter '${p.name}' is defined twice` })
    }
    seen.add(p.name)
    if (typeof p.value === 'number' && ((typeof p.min === 'number' && p.value < p.min) || (typeof p.max === 'number' && p.value > p.max))) {
      problems.push({
        path: jsonPath(['parameters', i, 'value']),
        code: 'schema.invalid',
        message: `parameter '${p.name}' is ${p.value}, outside its bounds ${p.min ?? '-∞'}..${p.max ?? '∞'}`,
      })
    }
  })
}

function checkNodes(rawNodes: unknown, registry: NodeTypeRegistry, paramValues: Record<string, unknown>, problems: Problem[]): LooseNode[] {
  if (!Array.isArray(rawNodes)) return []
  const params = new Set(Object.keys(paramValues))
  const nodes: LooseNode[] = []
  const seen = new Set<string>()
  rawNodes.forEach((node, index) => {
    if (!isObject(node) || typeof node.id !== 'string' || typeof node.type !== 'string') return
    if (seen.has(node.id)) {
      problems.push({ path: jsonPath(['nodes', index, 'id']), code: 'id.duplicate', message: `node id '${node.id}' is used by more than one node` })
      return
    }
    seen.add(node.id)
    const def = registry.get(node.type)
    const loose: LooseNode = { index, id: node.id, type: node.type, def, ports: [], calls: [] }
    nodes.push(loose)
    if (!def) {
      problems.push({
        path: jsonPath(['nodes', index, 'type']),
        code: 'node.unknown-type',
        message: unknownTypeMessage(node.id, node.type, registry),
      })
      return
    }
    const unknownRefs = findParamRefs(node.config).filter((ref) => !params.has(ref.name))
    for (const ref of unknownRefs) {
      problems.push({
        path: jsonPath(['nodes', index, 'config', ...ref.path]),
        code: 'param.unknown',
        message: `node '${node.id}' refers to parameter '${ref.name}', which the flow does not define`,
      })
    }
    const config = resolveConfig(def, node, index, paramValues, unknownRefs.map((r) => r.path.join('.')), problems)
    if (config === undefined) return
    loose.ports = def.portsFor(config)
    loose.calls = def.calls?.(config) ?? []
    loose.gathers = def.gathers?.(config)
    for (const p of def.check?.(config) ?? []) {
      problems.push({ path: jsonPath(['nodes', index, 'config', ...p.path]), code: 'node.bad-config', message: `node '${node.id}': ${p.message}` })
    }
    for (const { path, source } of def.expressions?.(config) ?? []) {
      checkExpression(source, ['nodes', index, 'config', ...path], node.id, params, problems)
    }
  })
  return nodes
}

/** Parse a node's config with its type's schema (after migrating old versions). */
function resolveConfig(
  def: AnyNodeType,
  node: Record<string, unknown>,
  index: number,
  paramValues: Record<string, unknown>,
  unknownRefPaths: string[],
  problems: Problem[],
): unknown {
  const typeVersion = typeof node.typeVersion === 'number' ? node.typeVersion : def.version
  if (typeVersion > def.version) {
    problems.push({
      path: jsonPath(['nodes', index, 'typeVersion']),
      code: 'node.type-version',
      message: `node '${node.id}' needs ${def.type} version ${typeVersion}, but version ${def.version} is installed`,
    })
    return undefined
  }
  let config: unknown = node.config ?? {}
  if (typeVersion < def.version && def.migrate) {
    try {
      config = def.migrate(config, typeVersion)
    } catch (error) {
      problems.push({
        path: jsonPath(['nodes', index, 'config']),
        code: 'node.bad-config',
        message: `node '${node.id}': its ${def.type} config of version ${typeVersion} could not be migrated to version ${def.version}: ${error instanceof Error ? error.message : String(error)}`,
      })
      return undefined
    }
  }
  const result = def.config.safeParse(substituteParamRefs(config, paramValues))
  if (!result.success) {
    // A field holding an unknown parameter reference is already reported as param.unknown.
    const issues = result.error.issues.filter((issue: z.core.$ZodIssue) => !unknownRefPaths.includes(issue.path.join('.')))
    problems.push(...schemaProblems({ issues }, ['nodes', index, 'config'], `node '${node.id}'`, 'node.bad-config'))
    return undefined
  }
  return result.data
}

function unknownTypeMessage(nodeId: string, type: string, registry: NodeTypeRegistry): string {
  const near = nearMatches(type, registry.list().map((d) => d.type))
  const hint = near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : 'was it removed, or is it misspelled?'
  return `node '${nodeId}' has type '${type}', which is not installed: no installed node type has that id; ${hint}`
}

function checkExpression(source: string, path: (string | number)[], nodeId: string, params: Set<string>, problems: Problem[]): void {
  try {
    compileExpression(source)
  } catch (error) {
    const message = error instanceof ExpressionError ? error.message : String(error)
    problems.push({ path: jsonPath(path), code: 'expression.invalid', message: `node '${nodeId}': expression '${source}' does not parse: ${message}` })
    return
  }
  for (const name of referencedParameters(source)) {
    if (!params.has(name)) {
      problems.push({
        path: jsonPath(path),
        code: 'param.unknown',
        message: `node '${nodeId}' uses params.${name}, but the flow has no parameter '${name}'`,
      })
    }
  }
}

function checkGraph(nodes: LooseNode[], rawEdges: unknown, problems: Problem[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const starts = nodes.filter((n) => n.type === 'start')
  if (starts.length === 0) problems.push({ path: '$.nodes', code: 'flow.missing-start', message: 'the flow has no start node; add one where runs begin' })
  for (const extra of starts.slice(1)) {
    problems.push({ path: jsonPath(['nodes', extra.index]), code: 'flow.multiple-starts', message: `node '${extra.id}' is a second start node; a flow has exactly one` })
  }
  const outgoing = new Map<string, string[]>()
  const graphEdges: GraphEdge[] = []
  const usedPorts = new Set<string>()
  const edgeIds = new Set<string>()
  for (const [i, edge] of (Array.isArray(rawEdges) ? rawEdges : []).entries()) {
    if (!isObject(edge) || typeof edge.id !== 'string') continue
    const at = (field: string) => jsonPath(['edges', i, field])
    if (edgeIds.has(edge.id)) problems.push({ path: at('id'), code: 'id.duplicate', message: `edge id '${edge.id}' is used by more than one edge` })
    edgeIds.add(edge.id)
    const source = byId.get(String(edge.source))
    const target = byId.get(String(edge.target))
    if (!source) problems.push({ path: at('source'), code: 'edge.dangling', message: `edge ${edge.id} starts at node '${String(edge.source)}', which does not exist` })
    if (!target) problems.push({ path: at('target'), code: 'edge.dangling', message: `edge ${edge.id} points to node '${String(edge.target)}', which does not exist` })
    if (target?.def && target.def.inputs.length === 0) {
      problems.push({ path: at('target'), code: 'edge.no-input', message: `edge ${edge.id} points to '${target.id}', a ${target.type} node, which takes no input` })
    }
    if (source?.def && source.ports.length > 0 && !source.ports.includes(String(edge.sourcePort))) {
      problems.push({
        path: at('sourcePort'),
        code: 'edge.unknown-port',
        message: `edge ${edge.id} leaves '${source.id}' by port '${String(edge.sourcePort)}', but its ports are ${source.ports.map((p) => `'${p}'`).join(', ')}`,
      })
    }
    if (source && target) {
      outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), target.id])
      usedPorts.add(`${source.id}\u0000${String(edge.sourcePort)}`)
      graphEdges.push({ source: source.id, sourcePort: String(edge.sourcePort), target: target.id })
    }
  }
  for (const node of nodes) {
    for (const port of node.ports) {
      if (usedPorts.has(`${node.id}\u0000${port}`) || node.def?.optionalOutputs?.includes(port)) continue
      problems.push({
        path: jsonPath(['nodes', node.index]),
        code: 'port.unconnected',
        message: `port '${port}' of node '${node.id}' is not connected; connect it to the next step`,
      })
    }
  }
  if (starts.length > 0) checkReachable(nodes, starts[0], outgoing, problems)
  checkCycles(nodes, outgoing, problems)
  for (const p of planJoins(nodes, graphEdges).problems) {
    problems.push({ path: jsonPath(['nodes', byId.get(p.joinId)!.index]), code: p.code, message: p.message })
  }
}

function checkReachable(nodes: LooseNode[], start: LooseNode, outgoing: Map<string, string[]>, problems: Problem[]): void {
  const seen = new Set([start.id])
  const stack = [start.id]
  while (stack.length > 0) {
    for (const next of outgoing.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) seen.add(next), stack.push(next)
    }
  }
  for (const node of nodes) {
    if (seen.has(node.id)) continue
    problems.push({ path: jsonPath(['nodes', node.index]), code: 'node.unreachable', message: `node '${node.id}' cannot be reached from the start node` })
  }
}

/** A loop is fine only if something in it waits (a person, a customer, a timer); otherwise it spins forever. */
function checkCycles(nodes: LooseNode[], outgoing: Map<string, string[]>, problems: Problem[]): void {
  for (const component of stronglyConnected(nodes.map((n) => n.id), outgoing)) {
    const isLoop = component.length > 1 || (outgoing.get(component[0]) ?? []).includes(component[0])
    if (!isLoop) continue
    const members = component.map((id) => nodes.find((n) => n.id === id)!)
    if (members.some((n) => n.def?.waits)) continue
    problems.push({
      path: jsonPath(['nodes', members[0].index]),
      code: 'flow.cycle-without-wait',
      message: `nodes ${members.map((n) => `'${n.id}'`).join(', ')} form a loop with no wait in it; add a human review, customer confirmation or wait step`,
    })
  }
}

/** Tarjan's algorithm, iterative so a long chain cannot overflow the stack. */
function stronglyConnected(ids: string[], outgoing: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const result: string[][] = []
  let counter = 0
  for (const root of ids) {
    if (index.has(root)) continue
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }]
    index.set(root, counter), low.set(root, counter++), stack.push(root), onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      const targets = outgoing.get(frame.id) ?? []
      if (frame.next < targets.length) {
        const t = targets[frame.next++]
        if (!index.has(t)) {
          index.set(t, counter), low.set(t, counter++), stack.push(t), onStack.add(t)
          work.push({ id: t, next: 0 })
        } else if (onStack.has(t)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(t)!))
        continue
      }
      work.pop()
      if (work.length > 0) {
        const parent = work[work.length - 1].id
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!))
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.id)
        result.push(component)
      }
    }
  }
  return result
}

function schemaProblems(error: { issues: z.core.$ZodIssue[] }, prefix: (string | number)[], subject?: string, code: ProblemCode = 'schema.invalid'): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])]
    const where = issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'the value'
    return { path: jsonPath(path), code, message: `${subject ? `${subject}: ` : ''}${where}: ${issue.message}` }
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
