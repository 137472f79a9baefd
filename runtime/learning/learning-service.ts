/**
 * The learning loop behind the owner's API: the feedback dataset, metrics,
 * what-if and retraining, over the flow's cases and its parameters.
 */
import { compileFlow } from '../engine/compile.js'
import type { ParamValue } from '../../node-types/api/parameters.js'
import type { Engine } from '../engine/engine.js'
import type { Json } from '../../node-types/sdk/types.js'
import { checkValues } from '../parameters/check-values.js'
import type { ParameterService } from '../parameters/parameter-service.js'
import type { ParameterVersion } from '../parameters/parameter-versions.js'
import type { CaseIndex } from './case-index.js'
import { feedbackOfCase, type FeedbackRecord } from './feedback.js'
import { flowMetrics, type FlowMetrics } from './metrics/metrics.js'
import { planRetraining, type RetrainPlan } from './retrain.js'
import { whatIf, type WhatIfResult } from './what-if/what-if.js'
import { replayFlow } from './replay/replay-flow.js'
import { calibrationMaps } from './calibration/by-model.js'
import type { ReplayRequest, ReplayResponse } from '../../node-types/api/replay.js'

export interface Period {
  /** ISO times: cases whose run started at or after `from` and before `to`. */
  from?: string
  to?: string
}

export interface WhatIfRequest extends Period {
  parameters: Record<string, Json>
  /** Minutes a reviewer spends on one decision (default 10). */
  minutesPerReview?: number
}

export type LearningService = ReturnType<typeof createLearningService>

/** Owner-set values only: the run-internal `@datasets` stays out of answers. */
export function ownerValues(params: Record<string, Json>): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, ParamValue] => !e[0].startsWith('@') && isParamValue(e[1])))
}

function isParamValue(v: Json): v is ParamValue {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
}

export function createLearningService(engine: Engine, cases: CaseIndex, parameters: ParameterService, now: () => Date) {
  const inPeriod = (p: Period) => (c: { startedAt: string }) => (!p.from || c.startedAt >= p.from) && (!p.to || c.startedAt < p.to)

  return {
    async dataset(flowId: string, period: Period = {}): Promise<FeedbackRecord[]> {
      await parameters.effective(flowId)
      return (await cases.cases(flowId)).filter(inPeriod(period)).flatMap(feedbackOfCase)
    },

    async metrics(flowId: string, period: Period = {}): Promise<FlowMetrics> {
      await parameters.effective(flowId)
      return flowMetrics(flowId, await cases.cases(flowId), { now: now(), ...period })
    },

    async whatIf(flowId: string, request: WhatIfRequest): Promise<WhatIfResult> {
      const e = await parameters.effective(flowId)
      checkValues(e.definitions, request.parameters)
      const flow = (await engine.compiledFor(flowId, e.flowVersion)).flow
      const proposedParams = { ...e.params, ...request.parameters }
      const registry = engine.deps.registry
      const all = await cases.cases(flowId)
      const result = whatIf(
        all.filter(inPeriod(request)),
        { compiled: compileFlow(flow, registry, proposedParams), params: proposedParams },
        { compiled: compileFlow(flow, registry, e.params), params: e.params },
        request.minutesPerReview ?? 10,
        // Calibrated on every reviewed answer, not only the period's.
        calibrationMaps(all),
      )
      return { ...result, parameters: ownerValues(result.parameters), current: { ...result.current, parameters: ownerValues(result.current.parameters) } }
    },

    /** Try a draft or another version on the flow's finished runs. */
    async replay(flowId: string, request: ReplayRequest): Promise<ReplayResponse> {
      const { record } = await parameters.effective(flowId)
      return replayFlow(engine, await cases.cases(flowId), flowId, request, record.versions)
    },

    async retrain(flowId: string, input: { nodeId?: string; labels?: Record<string, string>; reason?: string; by: string }): Promise<RetrainPlan & { parameters: ParameterVersion }> {
      const e = await parameters.effective(flowId)
      const compiled = await engine.compiledFor(flowId, e.flowVersion)
      const current = e.record.versions.find((v) => v.version === e.record.current)
      const plan = await planRetraining(engine.deps.store, compiled, await cases.cases(flowId), { ...input, at: now().toISOString() }, current?.datasets ?? {})
      const reason = input.reason?.trim() || `retrained ${plan.nodeId} from ${plan.examples.reviewed} reviewed answers`
      const version = await parameters.retrained(flowId, { nodeId: plan.nodeId, datasetId: plan.datasetId, reason, by: input.by })
      return { ...plan, parameters: version }
    },
  }
}
