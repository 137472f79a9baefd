/**
 * Typed calls for the owner's side of the API: parameter versions and their
 * approval, the what-if, metrics, the feedback dataset and retraining.
 */
import { request } from './client'
import type { FlowMetrics, FlowParameters, ParameterVersion, ParamValue, RetrainResult, WhatIfResult } from './learning-types'

const enc = encodeURIComponent
const base = (flowId: string) => `/api/flows/${enc(flowId)}`

export const learningApi = {
  parameters: (flowId: string) => request<FlowParameters>('GET', `${base(flowId)}/parameters`),
  versions: (flowId: string) => request<ParameterVersion[]>('GET', `${base(flowId)}/parameters/versions`),
  save: (flowId: string, values: Record<string, ParamValue>, reason: string) => request<ParameterVersion>('POST', `${base(flowId)}/parameters`, { values, reason }),
  rollback: (flowId: string, version: number, reason: string) => request<ParameterVersion>('POST', `${base(flowId)}/parameters/rollback`, { version, reason }),
  approve: (flowId: string, version: number, note?: string) => request<ParameterVersion>('POST', `${base(flowId)}/parameters/versions/${version}/approve`, note ? { note } : {}),
  reject: (flowId: string, version: number, note?: string) => request<ParameterVersion>('POST', `${base(flowId)}/parameters/versions/${version}/reject`, note ? { note } : {}),
  setPolicy: (flowId: string, requireApproval: boolean) => request<{ requireApproval: boolean }>('PUT', `${base(flowId)}/parameters/policy`, { requireApproval }),
  whatIf: (flowId: string, parameters: Record<string, ParamValue>, minutesPerReview?: number) =>
    request<WhatIfResult>('POST', `${base(flowId)}/what-if`, minutesPerReview ? { parameters, minutesPerReview } : { parameters }),
  metrics: (flowId: string, period: { from?: string; to?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(period).filter((e): e is [string, string] => !!e[1])).toString()
    return request<FlowMetrics>('GET', `${base(flowId)}/metrics${query ? `?${query}` : ''}`)
  },
  datasetUrl: (flowId: string) => `${base(flowId)}/dataset`,
  retrain: (flowId: string, body: { node?: string; labels?: Record<string, string>; reason?: string } = {}) => request<RetrainResult>('POST', `${base(flowId)}/retrain`, body),
}
