/**
 * The learning loop that closes by itself: its settings per flow, the figures
 * a candidate model is proposed with, and the learning curve the owner view
 * draws. One declaration each, for the route and the designer.
 */
import { z } from 'zod'

export const learningSettingsSchema = z.object({
  /** Propose a candidate model by itself once enough new reviewed answers exist. */
  autoRetrain: z.boolean().default(true),
  /** How many new reviewed answers of a step make a candidate (N). */
  retrainAfter: z.number().int().min(5).max(100_000).default(50),
  /** Per AI step: decisions or customer answers that mean a label, e.g. `{ "score": { "approve": "good", "reject": "risky" } }`. */
  answerLabels: z.record(z.string().max(100), z.record(z.string().max(100), z.string().min(1).max(100))).default({}),
})

export type LearningSettings = z.infer<typeof learningSettingsSchema>

/** A partial update of the settings. */
export const learningSettingsUpdateSchema = learningSettingsSchema.partial()

/** How good one model is on the newer reviewed answers it never learned from. */
export const modelFiguresSchema = z.object({
  modelVersion: z.string(),
  /** Reviewed answers it learned from (beside the step's own examples). */
  trainedOn: z.number().int(),
  accuracy: z.number(),
  /** Expected calibration error: the mean gap between confidence and accuracy over ten confidence bands, weighted by cases. */
  calibrationError: z.number(),
  /** Share of the held-out cases the flow would finish without a person, at the parameters in force. */
  automationRate: z.number(),
  /** Held-out cases it would finish without a person, and end otherwise than the person did. */
  expectedErrors: z.number().int(),
})

export type ModelFigures = z.infer<typeof modelFiguresSchema>

/** What a candidate is proposed with: the current and the candidate model on the same newer answers. */
export const candidateEvaluationSchema = z.object({
  nodeId: z.string(),
  datasetId: z.string(),
  /** Reviewed answers there were; the older part trains, the newer part is held out. */
  answers: z.number().int(),
  heldOut: z.number().int(),
  /** When the newest answer considered was given: new answers after it count toward the next candidate. */
  answersUpTo: z.string(),
  /** The first held-out answer's time: the candidate learned only from answers before it. */
  splitAt: z.string(),
  current: modelFiguresSchema,
  candidate: modelFiguresSchema,
})

export type CandidateEvaluation = z.infer<typeof candidateEvaluationSchema>

/** One point of the learning curve: a model and its held-out accuracy. */
export const curvePointSchema = z.object({
  parameterVersion: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  at: z.string(),
  trainedOn: z.number().int(),
  accuracy: z.number(),
  /** The model in force then, on the same held-out answers. */
  currentAccuracy: z.number(),
  currentTrainedOn: z.number().int(),
  heldOut: z.number().int(),
})

export const learningOverviewSchema = z.object({
  flowId: z.string(),
  settings: learningSettingsSchema,
  steps: z.array(
    z.object({
      nodeId: z.string(),
      /** Reviewed answers of the step so far, and how many came after the last candidate. */
      reviewed: z.number().int(),
      newAnswers: z.number().int(),
      pendingVersion: z.number().int().nullable(),
      curve: z.array(curvePointSchema),
    }),
  ),
})

export type LearningOverview = z.infer<typeof learningOverviewSchema>
export type CurvePoint = z.infer<typeof curvePointSchema>
