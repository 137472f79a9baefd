/**
 * Shapes of the learning-loop API (parameters, what-if, metrics, retrain),
 * as `runtime/http/routes/parameters.ts` and `learning.ts` answer them.
 */

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

export interface Scenario {
  parameters: Record<string, ParamValue>
  cases: number
  automated: number
  automationRate: number
  overriddenAmongAutomated: number
  reviewWorkload: number
  reviewDecisions: number
  reviewerHours: number
  reviewerHoursSaved: number
  failed: number
  unreplayable: number
  outcomes: Record<string, number>
}

export interface WhatIfResult extends Scenario {
  moved: { toAutomated: number; toReview: number }
  current: Scenario
}

export interface DurationSummary {
  count: number
  meanSeconds: number | null
  medianSeconds: number | null
  p90Seconds: number | null
}

export interface MetricsSummary {
  runs: number
  decided: number
  automated: number
  automationRate: number | null
  tasksDecided: number
  overridden: number
  overrideRate: number | null
  timeToDecision: DurationSummary
  deadlines: { withDeadline: number; breached: number; breachRate: number | null }
  customer: { requests: number; answered: number; confirmed: number; expired: number; confirmationRate: number | null; expiryRate: number | null; meanRating: number | null }
}

export interface CalibrationBand {
  band: string
  from: number
  to: number
  cases: number
  correct: number
  accuracy: number | null
  meanConfidence: number | null
}

export interface FlowMetrics {
  flowId: string
  from: string | null
  to: string | null
  totals: MetricsSummary
  calibration: CalibrationBand[]
  byNode: Record<string, MetricsSummary>
  daily: ({ date: string } & MetricsSummary)[]
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
