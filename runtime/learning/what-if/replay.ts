/**
 * Replay one recorded case through a compiled flow, the way the engine would
 * run it now: rules are executed with the given parameters (by the rule node
 * type's own code), AI steps and other outside calls answer with what they
 * recorded, and the replay stops where a person or a customer would be asked.
 * Synchronous and allocation-light: a what-if replays 100,000 cases twice.
 */
import { compileExpression } from '../../../node-types/expr/cel.js'
import type { Json, JsonObject, NodeContext, NodeResult } from '../../../node-types/sdk/types.js'
import { targetsOf, type CompiledFlow, type CompiledNode } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'

export type ReplayStatus = 'automated' | 'review' | 'failed' | 'unreplayable'

export interface ReplayResult {
  status: ReplayStatus
  /** The outcome when the replay reached an end. */
  outcome?: string
  /** Distinct people the reached reviews need (four eyes counts two). */
  reviewDecisions: number
}

const MAX_STEPS = 500
const silent = { info() {}, warn() {}, error() {} }
const noAi = { run: () => Promise.reject(new Error('a replay never calls the AI')) }
const noHttp = () => Promise.reject(new Error('a replay never calls out'))

/** The context a replayed node sees: the recorded run's data, the scenario's parameters. */
function contextFor(c: CaseRecord, compiled: CompiledFlow, nodeId: string, nodes: Record<string, JsonObject>, params: Record<string, Json>): NodeContext {
  const scope = { input: c.input, nodes, params }
  return {
    runId: c.runId,
    flowId: c.flowId,
    flowVersion: compiled.flow.version,
    nodeId,
    idempotencyKey: `${c.runId}:${nodeId}`,
    input: c.input,
    nodes,
    params,
    now: () => new Date(c.startedAt),
    log: silent,
    ai: noAi,
    secrets: { get: () => undefined },
    credentials: { get: () => Promise.reject(new Error('a replay opens no secrets')) },
    http: noHttp,
    evaluate: (source, extra) => compileExpression(source)(extra ? { ...scope, ...extra } : scope),
    render: () => '',
  }
}

type Step = { kind: 'port'; port: string; data: JsonObject } | { kind: 'end'; outcome: string } | { kind: 'review'; approvals: number } | { kind: 'customer' } | { kind: 'unreplayable' }

function step(node: CompiledNode, c: CaseRecord, ctx: () => NodeContext, input: JsonObject): Step {
  const type = node.def.type
  if (type === 'start') return { kind: 'port', port: 'next', data: c.input }
  if (type === 'end') return { kind: 'end', outcome: (node.config as { outcome: string }).outcome }
  if (type === 'human-review') return { kind: 'review', approvals: (node.config as { approvals?: number }).approvals ?? 1 }
  if (type === 'customer-confirmation') return { kind: 'customer' }
  // A timer does not depend on parameters: go on as if it fired.
  if (type === 'wait') return { kind: 'port', port: 'next', data: input }
  if (type === 'rule') {
    const result = node.def.execute(ctx(), input, node.config) as NodeResult
    return 'port' in result ? { kind: 'port', port: result.port, data: result.data ?? {} } : { kind: 'unreplayable' }
  }
  const recorded = c.visits[node.node.id]
  return recorded ? { kind: 'port', port: recorded.port, data: recorded.output } : { kind: 'unreplayable' }
}

/**
 * @example
 * replayCase(compileFlow(flow, registry, { ...params, autoApproveScore: 0.9 }), record, params)
 * // → { status: 'review', reviewDecisions: 1 }
 */
export function replayCase(compiled: CompiledFlow, c: CaseRecord, params: Record<string, Json>): ReplayResult {
  const nodes: Record<string, JsonObject> = {}
  const queue: { nodeId: string; input: JsonObject }[] = [{ nodeId: compiled.startId, input: c.input }]
  let reviewDecisions = 0
  let steps = 0
  while (queue.length > 0) {
    if (++steps > MAX_STEPS) return { status: 'unreplayable', reviewDecisions }
    const { nodeId, input } = queue.shift()!
    const node = compiled.nodes.get(nodeId)!
    let next: Step
    try {
      next = step(node, c, () => contextFor(c, compiled, nodeId, nodes, params), input)
    } catch {
      return { status: 'failed', reviewDecisions }
    }
    if (next.kind === 'unreplayable') return { status: 'unreplayable', reviewDecisions }
    if (next.kind === 'end') return { status: reviewDecisions > 0 ? 'review' : 'automated', outcome: next.outcome, reviewDecisions }
    if (next.kind === 'review') reviewDecisions += next.approvals
    if (next.kind !== 'port') continue
    if (!node.ports.has(next.port)) return { status: 'failed', reviewDecisions }
    nodes[nodeId] = next.data
    const targets = targetsOf(compiled, nodeId, next.port)
    if (targets.length === 0 && next.port === 'error') return { status: 'failed', reviewDecisions }
    for (const target of targets) queue.push({ nodeId: target, input: next.data })
  }
  return { status: reviewDecisions > 0 ? 'review' : 'automated', reviewDecisions }
}
