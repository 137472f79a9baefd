/**
 * The owner's side of the learning loop: metrics, the what-if, the feedback
 * dataset and retraining. Declared once here, so the runtime that answers
 * and the designer that asks cannot drift apart.
 */
import { z } from 'zod'
import { idParam } from './common.js'
import { learningOverviewSchema, learningSettingsSchema, learningSettingsUpdateSchema } from './learning-loop.js'
import { parameterVersionSchema, paramValuesBody } from './parameters.js'
import { defineRoute } from './route.js'

/** One side of a what-if: what the cases would do with one set of parameters. */
export const scenarioResultSchema = z.object({
  cases: z.number().int(),
  automated: z.number().int(),
  automationRate: z.number(),
  /** Automated cases a person had decided differently: another outcome, or an overridden proposal or corrected fields. */
  overriddenAmongAutomated: z.number().int(),
  /** Cases that would wait for a reviewer. */
  reviewWorkload: z.number().int(),
  /** Reviewer decisions those cases need (four eyes counts two). */
  reviewDecisions: z.number().int(),
  reviewerHours: z.number(),
  /** Against the current parameters (0 for the current scenario itself). */
  reviewerHoursSaved: z.number(),
  /** Cases the flow would fail, and cases that lack a recording the flow needs now. */
  failed: z.number().int(),
  unreplayable: z.number().int(),
  /** Cases by the outcome they would end with automatically. */
  outcomes: z.record(z.string(), z.number().int()),
  /**
   * Errors to expect among the automated cases: where a person decided, whether
   * they decided otherwise; elsewhere the chance the AI was wrong, from its
   * calibrated confidence (1 − calibrated confidence of the last AI answer).
   */
  estimatedErrors: z.number(),
})
export type ScenarioResult = z.infer<typeof scenarioResultSchema>

export const scenarioSchema = scenarioResultSchema.extend({ parameters: z.record(z.string(), z.json()) })
export type Scenario = z.infer<typeof scenarioSchema>
export const whatIfResultSchema = scenarioSchema.extend({ moved: z.object({ toAutomated: z.number().int(), toReview: z.number().int() }), current: scenarioSchema })
export type WhatIfResult = z.infer<typeof whatIfResultSchema>

const nullableNumber = z.number().nullable()
export const durationSummarySchema = z.object({ count: z.number().int(), meanSeconds: nullableNumber, medianSeconds: nullableNumber, p90Seconds: nullableNumber })
export type DurationSummary = z.infer<typeof durationSummarySchema>

export const calibrationBandSchema = z.object({ band: z.string(), from: z.number(), to: z.number(), cases: z.number().int(), correct: z.number().int(), accuracy: nullableNumber, meanConfidence: nullableNumber })
export type CalibrationBand = z.infer<typeof calibrationBandSchema>

export const metricsSummarySchema = z.object({
  runs: z.number().int(),
  decided: z.number().int(),
  automated: z.number().int(),
  automationRate: nullableNumber,
  tasksDecided: z.number().int(),
  overridden: z.number().int(),
  overrideRate: nullableNumber,
  timeToDecision: durationSummarySchema,
  deadlines: z.object({ withDeadline: z.number().int(), breached: z.number().int(), breachRate: nullableNumber }),
  customer: z.object({ requests: z.number().int(), answered: z.number().int(), confirmed: z.number().int(), expired: z.number().int(), confirmationRate: nullableNumber, expiryRate: nullableNumber, meanRating: nullableNumber }),
})
export type MetricsSummary = z.infer<typeof metricsSummarySchema>

/** How well one model version's confidence matched people's answers, before and after calibration. */
export const modelCalibrationSchema = z.object({
  modelVersion: z.string(),
  /** Reviewed or customer answers to its proposals. */
  answers: z.number().int(),
  /** Expected calibration error of the raw confidence, and of the calibrated one (fitted on these answers). */
  calibrationError: z.number(),
  calibratedError: z.number(),
  bands: z.array(calibrationBandSchema),
  calibratedBands: z.array(calibrationBandSchema),
})
export type ModelCalibration = z.infer<typeof modelCalibrationSchema>

export const flowMetricsSchema = z.object({
  flowId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: metricsSummarySchema,
  calibration: z.array(calibrationBandSchema),
  /** Calibration per model version (newest answers' versions included), each on its own answers. */
  calibrationByModel: z.array(modelCalibrationSchema),
  byNode: z.record(z.string(), metricsSummarySchema),
  daily: z.array(metricsSummarySchema.extend({ date: z.string() })),
})
export type FlowMetrics = z.infer<typeof flowMetricsSchema>

export const retrainResultSchema = z.object({
  nodeId: z.string(),
  datasetId: z.string(),
  modelVersion: z.string(),
  previousModelVersion: z.string(),
  examples: z.object({ base: z.number().int(), reviewed: z.number().int(), runs: z.number().int() }),
  /** Accuracy on the reviewed answers held out (a fixed 20% by text hash) before and after. */
  evaluation: z.object({ heldOut: z.number().int(), before: nullableNumber, after: nullableNumber }),
  parameters: parameterVersionSchema,
})
export type RetrainResult = z.infer<typeof retrainResultSchema>

const iso = z.iso.datetime({ offset: true })
export const periodQuery = z.object({ from: iso.optional(), to: iso.optional() })
export const whatIfBody = periodQuery.extend({ parameters: paramValuesBody, minutesPerReview: z.number().positive().max(24 * 60).optional() })
export const retrainBody = z
  .object({
    /** The AI step to retrain (default: the flow's one local classify or score step). */
    node: z.string().min(1).max(100).optional(),
    labels: z.record(z.string().max(100), z.string().min(1).max(100)).optional(),
    reason: z.string().max(2000).optional(),
  })
  .optional()

export const learningRoutes = {
  dataset: defineRoute({
    method: 'get',
    path: '/flows/:id/dataset',
    tag: 'Learning',
    summary: 'The feedback dataset: each answer next to the AI proposal it answered (JSON Lines)',
    params: idParam,
    query: periodQuery,
    responses: { 200: { description: 'One JSON record a line', contentType: 'application/x-ndjson' } },
  }),
  metrics: defineRoute({
    method: 'get',
    path: '/flows/:id/metrics',
    tag: 'Learning',
    summary: 'Automation, overrides, calibration, time to decision, deadlines and customer answers',
    params: idParam,
    query: periodQuery,
    responses: { 200: { description: 'Metrics of the period', schema: flowMetricsSchema } },
    errors: [404],
  }),
  whatIf: defineRoute({
    method: 'post',
    path: '/flows/:id/what-if',
    tag: 'Learning',
    summary: 'What other parameter values would have done on past runs',
    params: idParam,
    body: whatIfBody.optional(),
    bodyExample: { parameters: { autoApproveAbove: 0.85 }, minutesPerReview: 6 },
    responses: { 200: { description: 'The scenario beside the current one', schema: whatIfResultSchema } },
    errors: [404, 422],
  }),
  retrain: defineRoute({
    method: 'post',
    path: '/flows/:id/retrain',
    tag: 'Learning',
    summary: 'Retrain the local classifier from reviewed answers (a parameter version to approve)',
    params: idParam,
    body: retrainBody,
    responses: { 201: { description: 'The new model and its figures', schema: retrainResultSchema } },
    errors: [404, 422],
  }),
}


export const learningLoopRoutes = {
  overview: defineRoute({ method: 'get', path: '/flows/:id/learning', tag: 'Learning', summary: 'The learning loop: settings and the learning curve of each AI step', params: idParam, responses: { 200: { description: 'Settings and curves', schema: learningOverviewSchema } }, errors: [404] }),
  saveSettings: defineRoute({
    method: 'put',
    path: '/flows/:id/learning',
    tag: 'Learning',
    summary: 'Change the learning loop settings',
    params: idParam,
    body: learningSettingsUpdateSchema.optional(),
    bodyExample: { autoRetrain: true, retrainAfter: 50 },
    responses: { 200: { description: 'The settings now', schema: learningSettingsSchema } },
    errors: [404],
  }),
  check: defineRoute({
    method: 'post',
    path: '/flows/:id/learning/check',
    tag: 'Learning',
    summary: 'Look for new reviewed answers now and propose candidate models',
    params: idParam,
    responses: { 201: { description: 'The candidates proposed', schema: z.array(parameterVersionSchema) } },
    errors: [404],
  }),
}
