/** The outbox's filters (flow, run, purpose), kept in the address bar like the inbox's. */
import type { MessagePurpose, OutboxQuery } from '../api/inbox-types'

export interface OutboxFilters {
  flowId: string
  runId: string
  purpose: '' | MessagePurpose
}

export const EMPTY_FILTERS: OutboxFilters = { flowId: '', runId: '', purpose: '' }
export const OUTBOX_PAGE = 100

export function outboxFiltersFromSearch(search: string): OutboxFilters {
  const p = new URLSearchParams(search)
  const purpose = p.get('purpose')
  return { flowId: p.get('flow') ?? '', runId: p.get('run') ?? '', purpose: purpose === 'request' || purpose === 'reminder' || purpose === 'notice' ? purpose : '' }
}

export function outboxFiltersToSearch(f: OutboxFilters): string {
  const p = new URLSearchParams()
  if (f.flowId) p.set('flow', f.flowId)
  if (f.runId) p.set('run', f.runId)
  if (f.purpose) p.set('purpose', f.purpose)
  const text = p.toString()
  return text ? `?${text}` : ''
}

export function toOutboxQuery(f: OutboxFilters, before?: string): OutboxQuery {
  return { flowId: f.flowId || undefined, runId: f.runId.trim() || undefined, purpose: f.purpose || undefined, before, limit: OUTBOX_PAGE }
}

export const PURPOSES: [MessagePurpose, string][] = [
  ['request', 'Customer request'],
  ['reminder', 'Reminder'],
  ['notice', 'Notice'],
]
