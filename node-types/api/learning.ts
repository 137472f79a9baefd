/**
 * Response shapes of the learning-loop API that are plain counts and rates
 * (metrics, one side of a what-if): declared once here, so the runtime that
 * answers and the designer that asks cannot drift apart.
 */

/** One side of a what-if: what the cases would do with one set of parameters. */
export interface ScenarioResult {
  cases: number
  automated: number
  automationRate: number
  /** Automated cases a person had decided differently: another outcome, or an overridden proposal or corrected fields. */
  overriddenAmongAutomated: number
  /** Cases that would wait for a reviewer. */
  reviewWorkload: number
  /** Reviewer decisions those cases need (four eyes counts two). */
  reviewDecisions: number
  reviewerHours: number
  /** Against the current parameters (0 for the current scenario itself). */
  reviewerHoursSaved: number
  /** Cases the flow would fail, and cases that lack a recording the flow needs now. */
  failed: number
  unreplayable: number
  /** Cases by the outcome they would end with automatically. */
  outcomes: Record<string, number>
  /**
   * Errors to expect among the automated cases: where a person decided, whether
   * they decided otherwise; elsewhere the chance the AI was wrong, from its
   * calibrated confidence (1 − calibrated confidence of the last AI answer).
   */
  estimatedErrors: number
}

export interface DurationSummary {
  count: number
  meanSeconds: number | null
  medianSeconds: number | null
  p90Seconds: number | null
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

/** How well one model version's confidence matched people's answers, before and after calibration. */
export interface ModelCalibration {
  modelVersion: string
  /** Reviewed or customer answers to its proposals. */
  answers: number
  /** Expected calibration error of the raw confidence, and of the calibrated one (fitted on these answers). */
  calibrationError: number
  calibratedError: number
  bands: CalibrationBand[]
  calibratedBands: CalibrationBand[]
}

export interface FlowMetrics {
  flowId: string
  from: string | null
  to: string | null
  totals: MetricsSummary
  calibration: CalibrationBand[]
  /** Calibration per model version (newest answers' versions included), each on its own answers. */
  calibrationByModel: ModelCalibration[]
  byNode: Record<string, MetricsSummary>
  daily: ({ date: string } & MetricsSummary)[]
}
