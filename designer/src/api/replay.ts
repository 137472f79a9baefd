/** Trying a flow on past runs (`POST /api/flows/:id/replay`), typed from the shared declaration. */
import type { ReplayRequest, ReplayResponse } from '../../../node-types/api/replay'
import { request } from './client'

export type { MovedCase, ReplayRequest, ReplayResponse, Verdict } from '../../../node-types/api/replay'

export const replayApi = {
  replay: (flowId: string, body: ReplayRequest) => request<ReplayResponse>('POST', `/api/flows/${encodeURIComponent(flowId)}/replay`, body),
}
