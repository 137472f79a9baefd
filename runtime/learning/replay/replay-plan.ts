/**
 * What a replay needs before it starts: the flow being tried, compiled once
 * per set of parameter values the cases ran with, and the versions the cases
 * ran on (loaded up front, so replaying a case never waits on the store).
 */
import { isDeepStrictEqual } from 'node:util'
import type { Flow } from '../../../node-types/flow/schema.js'
import type { NodeTypeRegistry } from '../../../node-types/registry.js'
import type { AiAnswer, AiRequest, AiService, Json } from '../../../node-types/sdk/types.js'
import { compileFlow, type CompiledFlow, type CompiledNode } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'

export interface ReplayPlan {
  /** The flow being tried, compiled for a case, with the parameters that case gets. */
  target(c: CaseRecord): { compiled: CompiledFlow; params: Record<string, Json> }
  /** The version the case ran on, compiled with its parameters; undefined when it cannot be loaded any more. */
  recorded(c: CaseRecord): CompiledFlow | undefined
  /** The node of the recorded version when its config equals the target's (so it asks the same). */
  sameRecordedNode(target: CompiledFlow, recorded: CompiledFlow | undefined, nodeId: string): CompiledNode | undefined
  /** The offline model, for AI requests the record does not answer. */
  localAi: AiService
  /** Answers a step's AI requests instead of the record (to see what another model would do); undefined: the usual way. */
  answerAi?: (nodeId: string, request: AiRequest, c: CaseRecord) => Promise<AiAnswer> | undefined
}

export interface PlanSource {
  registry: NodeTypeRegistry
  /** A published version compiled with parameter values (the engine's cache). */
  compiledFor(version: number, params: Record<string, Json>): Promise<CompiledFlow>
  localAi: AiService
  /** The values an owner had set when the case started (its parameter version's), by name. */
  ownerValuesOf(c: CaseRecord): Record<string, Json>
  answerAi?: ReplayPlan['answerAi']
}

/**
 * The values a case gets on the tried flow, the way a run gets them from a
 * published version: the tried flow's own values, overlaid by the values the
 * owner had set when the case ran, and the datasets its retrained AI steps
 * learned from (run-internal `@` entries).
 */
function paramsFor(defaults: Record<string, Json>, owner: Record<string, Json>, recorded: Record<string, Json>): Record<string, Json> {
  const params = { ...defaults }
  for (const name in owner) if (name in defaults) params[name] = owner[name]
  for (const name in recorded) if (name.startsWith('@')) params[name] = recorded[name]
  return params
}

const keyOf = (version: number, params: Record<string, Json>) => `${version}\u0000${JSON.stringify(params)}`

/**
 * @example
 * const plan = await planReplay(flow, cases, { registry, compiledFor: (v, p) => engine.compiledFor(flowId, v, p), localAi })
 */
export async function planReplay(flow: Flow, cases: readonly CaseRecord[], source: PlanSource): Promise<ReplayPlan> {
  const base = compileFlow(flow, source.registry)
  const targets = new Map<string, CompiledFlow>()
  const recorded = new Map<string, CompiledFlow | undefined>()
  const caseKeys = new WeakMap<CaseRecord, string>()
  for (const c of cases) {
    const key = keyOf(c.flowVersion, c.params)
    caseKeys.set(c, key)
    if (recorded.has(key)) continue
    recorded.set(key, undefined)
    try {
      recorded.set(key, await source.compiledFor(c.flowVersion, c.params))
    } catch {
      // A version that no longer compiles (a node type removed): its cases replay what needs no record.
    }
  }
  const equal = new WeakMap<CompiledFlow, WeakMap<CompiledFlow, Map<string, boolean>>>()
  return {
    target(c) {
      const params = paramsFor(base.defaultParams, source.ownerValuesOf(c), c.params)
      if (!base.usesParamRefs) return { compiled: base, params }
      const key = JSON.stringify(params)
      let compiled = targets.get(key)
      if (!compiled) targets.set(key, (compiled = compileFlow(flow, source.registry, params)))
      return { compiled, params }
    },
    recorded: (c) => recorded.get(caseKeys.get(c) ?? keyOf(c.flowVersion, c.params)),
    sameRecordedNode(target, rec, nodeId) {
      if (!rec) return undefined
      let byRecorded = equal.get(target)
      if (!byRecorded) equal.set(target, (byRecorded = new WeakMap()))
      let byNode = byRecorded.get(rec)
      if (!byNode) byRecorded.set(rec, (byNode = new Map()))
      let same = byNode.get(nodeId)
      const a = target.nodes.get(nodeId)
      const b = rec.nodes.get(nodeId)
      if (same === undefined) byNode.set(nodeId, (same = !!a && !!b && a.def.type === b.def.type && isDeepStrictEqual(a.config, b.config)))
      return same ? b : undefined
    },
    localAi: source.localAi,
    answerAi: source.answerAi,
  }
}
