/**
 * Parameters for owners, backed by the store: the versions of a flow's
 * parameter values, the approval policy, and the values a new run starts
 * with. Changes to one flow are serialised; the values for new runs are
 * memoised, since every run start asks for them.
 */
import type { ParamValue } from '../../node-types/api/parameters.js'
import type { CandidateEvaluation } from '../../node-types/api/learning-loop.js'
import type { FlowParameter } from '../../node-types/flow/schema.js'
import { TRAINED_DATASETS } from '../../node-types/builtin/ai-step.js'
import type { Json } from '../../node-types/sdk/types.js'
import type { Engine } from '../engine/engine.js'
import { KeyedLock } from '../engine/keyed-lock.js'
import { LearningError } from '../learning/errors.js'
import { checkValues } from './check-values.js'
import * as versions from './parameter-versions.js'
import type { ParameterRecord, ParameterVersion } from './parameter-versions.js'

const KEY = 'parameters'

export interface EffectiveParameters {
  flowVersion: number
  definitions: FlowParameter[]
  /** The values new runs use: the flow version's own, overlaid by the current parameter version's. */
  params: Record<string, Json>
  parametersVersion?: number
  record: ParameterRecord
}

export type ParameterService = ReturnType<typeof createParameterService>

export function createParameterService(engine: Engine, now: () => Date) {
  const store = engine.deps.store
  const lock = new KeyedLock()
  const records = new Map<string, ParameterRecord>()
  const resolved = new Map<string, Record<string, Json>>()

  async function record(flowId: string): Promise<ParameterRecord> {
    let r = records.get(flowId)
    if (!r) {
      r = ((await store.flowData.get(flowId, KEY)) as ParameterRecord | undefined) ?? versions.emptyRecord(flowId)
      records.set(flowId, r)
    }
    return r
  }

  /** Apply `change` to a copy of the record and store it; the cache moves on only once it is durable. */
  function update<T>(flowId: string, change: (r: ParameterRecord, at: string) => T | Promise<T>): Promise<T> {
    return lock.run(flowId, async () => {
      await effective(flowId)
      const copy = structuredClone(await record(flowId))
      const result = await change(copy, now().toISOString())
      await store.flowData.put(flowId, KEY, copy)
      records.set(flowId, copy)
      return result
    })
  }

  async function effective(flowId: string): Promise<EffectiveParameters> {
    const flowVersion = await store.flows.latestVersion(flowId)
    if (flowVersion === undefined) {
      if (!(await store.flows.getDraft(flowId))) throw new LearningError('FLOW_NOT_FOUND', `flow '${flowId}' does not exist`)
      throw new LearningError('FLOW_NOT_PUBLISHED', `flow '${flowId}' has no published version yet; publish it first`)
    }
    const compiled = await engine.compiledFor(flowId, flowVersion)
    const r = await record(flowId)
    const current = versions.currentVersion(r)
    const key = `${flowId}\u0000${flowVersion}\u0000${r.current}`
    let params = resolved.get(key)
    if (!params) {
      params = { ...compiled.defaultParams }
      for (const [name, value] of Object.entries(current?.values ?? {})) if (name in compiled.defaultParams) params[name] = value
      if (current && Object.keys(current.datasets).length > 0) params[TRAINED_DATASETS] = current.datasets
      if (resolved.size > 1000) resolved.clear()
      resolved.set(key, params)
    }
    return { flowVersion, definitions: compiled.flow.parameters, params, parametersVersion: current?.version, record: r }
  }

  /** Owner values only (no datasets), with `changes` merged over the current ones and checked. */
  async function mergedValues(flowId: string, changes: Record<string, ParamValue>): Promise<Record<string, ParamValue>> {
    const { definitions, record: r } = await effective(flowId)
    checkValues(definitions, changes)
    return { ...(versions.currentVersion(r)?.values ?? {}), ...changes }
  }

  const currentDatasets = (r: ParameterRecord) => ({ ...(versions.currentVersion(r)?.datasets ?? {}) })

  return {
    effective,
    /** What a new run of the flow starts with (undefined before anything is published). */
    async forNewRun(flowId: string): Promise<{ flowVersion: number; params: Record<string, Json>; parametersVersion?: number } | undefined> {
      if ((await store.flows.latestVersion(flowId)) === undefined) return undefined
      const e = await effective(flowId)
      return { flowVersion: e.flowVersion, params: { ...e.params }, parametersVersion: e.parametersVersion }
    },
    async list(flowId: string): Promise<ParameterVersion[]> {
      await effective(flowId)
      return structuredClone((await record(flowId)).versions).reverse()
    },
    async save(flowId: string, input: { values: Record<string, ParamValue>; reason: string; by: string }): Promise<ParameterVersion> {
      const values = await mergedValues(flowId, input.values)
      return update(flowId, (r, at) => versions.propose(r, { kind: 'change', values, datasets: currentDatasets(r), reason: input.reason, by: input.by, at }))
    },
    /** A retrained AI step: same owner values, a new dataset for `nodeId`. */
    async retrained(flowId: string, input: { nodeId: string; datasetId: string; reason: string; by: string }): Promise<ParameterVersion> {
      return update(flowId, (r, at) => {
        const datasets = { ...currentDatasets(r), [input.nodeId]: input.datasetId }
        return versions.propose(r, { kind: 'retrain', values: { ...(versions.currentVersion(r)?.values ?? {}) }, datasets, reason: input.reason, by: input.by, at })
      })
    },
    /** A candidate model from the learning loop: pending until an owner decides; none while one already waits for the same step. */
    async proposeCandidate(flowId: string, input: { evaluation: CandidateEvaluation; reason: string; by: string }): Promise<ParameterVersion | undefined> {
      const { nodeId, datasetId } = input.evaluation
      return update(flowId, (r, at) => {
        if (r.versions.some((v) => v.status === 'pending' && v.candidate?.nodeId === nodeId)) return undefined
        const values = { ...(versions.currentVersion(r)?.values ?? {}) }
        return versions.propose(r, { kind: 'retrain', values, datasets: { ...currentDatasets(r), [nodeId]: datasetId }, reason: input.reason, by: input.by, at, candidate: input.evaluation })
      })
    },
    /** Propose the values of an earlier version again; they must still fit the flow's current declarations. */
    async rollback(flowId: string, input: { version: number; reason: string; by: string }): Promise<ParameterVersion> {
      const { definitions } = await effective(flowId)
      return update(flowId, (r, at) => {
        const proposal = versions.rollbackProposal(r, input.version, input.reason, input.by, at)
        const declared = new Set(definitions.map((d) => d.name))
        checkValues(definitions, Object.fromEntries(Object.entries(proposal.values).filter(([name]) => declared.has(name))))
        return versions.propose(r, proposal)
      })
    },
    approve(flowId: string, version: number, by: string, note?: string): Promise<ParameterVersion> {
      return update(flowId, (r, at) => versions.approve(r, version, by, at, note))
    },
    reject(flowId: string, version: number, by: string, note?: string): Promise<ParameterVersion> {
      return update(flowId, (r, at) => versions.reject(r, version, by, at, note))
    },
    setPolicy(flowId: string, requireApproval: boolean, by: string): Promise<ParameterRecord> {
      return update(flowId, (r, at) => Object.assign(r, { requireApproval, policyChangedBy: by, policyChangedAt: at }))
    },
  }
}
