/**
 * Shapes of the learning-loop API (parameters, what-if, metrics, retrain),
 * as `runtime/http/routes/parameters.ts` and `learning.ts` answer them.
 */
import type { ScenarioResult } from '../../../node-types/api/learning'
import type { CandidateEvaluation } from '../../../node-types/api/learning-loop'

export type { CalibrationBand, DurationSummary, FlowMetrics, MetricsSummary, ModelCalibration, ScenarioResult } from '../../../node-types/api/learning'

export type ParamValue = number | string | boolean

export interface ParameterDefinition {
  name: string
  label: string
  type: 'number' | 'integer' | 'string' | 'boolean' | 'duration'
  unit?: string
  min?: number
  max?: number
  step?: number
  description?: string
  /** The flow version's own value. */
  default: ParamValue
  /** The value new runs start with now. */
  value: ParamValue
}

export type ParameterStatus = 'pending' | 'approved' | 'rejected' | 'superseded'

export interface ParameterVersion {
  version: number
  kind: 'change' | 'rollback' | 'retrain'
  values: Record<string, ParamValue>
  datasets: Record<string, string>
  reason: string
  createdBy: string
  createdAt: string
  status: ParameterStatus
  rollbackOf?: number
  decidedBy?: string
  decidedAt?: string
  decisionNote?: string
  effectiveFrom?: string
  /** A model the learning loop proposed, with its figures and the model in force's. */
  candidate?: CandidateEvaluation
}

export interface FlowParameters {
  flowId: string
  flowVersion: number
  requireApproval: boolean
  parameters: ParameterDefinition[]
  values: Record<string, ParamValue>
  current: ParameterVersion | null
  pending: ParameterVersion[]
}

/** One side of a what-if: the shared counts, with the parameters they were counted with. */
export interface Scenario extends ScenarioResult {
  parameters: Record<string, ParamValue>
}

export interface WhatIfResult extends Scenario {
  moved: { toAutomated: number; toReview: number }
  current: Scenario
}

export interface RetrainResult {
  nodeId: string
  datasetId: string
  modelVersion: string
  previousModelVersion: string
  examples: { base: number; reviewed: number; runs: number }
  evaluation: { heldOut: number; before: number | null; after: number | null }
  parameters: ParameterVersion
}
