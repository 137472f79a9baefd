/** The learning loop's settings and learning curve, typed from the shared declaration. */
import type { LearningOverview, LearningSettings } from '../../../node-types/api/learning-loop'
import { request } from './client'

export type { CandidateEvaluation, CurvePoint, LearningOverview, LearningSettings, ModelFigures } from '../../../node-types/api/learning-loop'

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/learning`

export const learningLoopApi = {
  overview: (flowId: string) => request<LearningOverview>('GET', base(flowId)),
  saveSettings: (flowId: string, settings: Partial<LearningSettings>) => request<LearningSettings>('PUT', base(flowId), settings),
}
