/** The reviewer inbox and the outbox: typed calls to `/api/tasks` (and its filter choices), `/api/groups`, `/api/runs/:id/audit` and `/api/outbox`. */
import type { TaskFilters } from '../../../node-types/api/inbox'
import { send } from './client'
import type { AuditEntry, DecisionResult, Group, InboxTask, OutboxEntry, OutboxQuery, TaskDetail, TaskQuery } from './inbox-types'

const enc = encodeURIComponent
const request = async <T>(method: string, url: string, body?: unknown): Promise<T> => (await send<T>(method, url, body)).data

/** `?a=1&b=2` from the defined values of `query` ('' when none). */
export function queryString(query: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const inboxApi = {
  tasks: async (query: TaskQuery): Promise<{ tasks: InboxTask[]; total: number }> => {
    const { data, headers } = await send<InboxTask[]>('GET', `/api/tasks${queryString(query)}`)
    return { tasks: data, total: Number(headers.get('x-total-count') ?? data.length) }
  },
  filters: () => request<TaskFilters>('GET', '/api/tasks/filters'),
  task: (id: string) => request<TaskDetail>('GET', `/api/tasks/${enc(id)}`),
  claim: (id: string) => request<{ task: InboxTask }>('POST', `/api/tasks/${enc(id)}/claim`),
  release: (id: string) => request<{ task: InboxTask }>('POST', `/api/tasks/${enc(id)}/release`),
  reassign: (id: string, body: { group?: string; assignee?: string; reason?: string }) => request<{ task: InboxTask }>('POST', `/api/tasks/${enc(id)}/reassign`, body),
  decide: (id: string, body: { decision: string; data?: Record<string, unknown>; reason?: string }) => request<DecisionResult>('POST', `/api/tasks/${enc(id)}/decision`, body),
  groups: () => request<Group[]>('GET', '/api/groups'),
  audit: (runId: string) => request<{ entries: AuditEntry[] }>('GET', `/api/runs/${enc(runId)}/audit`),
  auditCsvUrl: (runId: string) => `/api/runs/${enc(runId)}/audit?format=csv`,
  outbox: (query: OutboxQuery) => request<OutboxEntry[]>('GET', `/api/outbox${queryString(query)}`),
}
