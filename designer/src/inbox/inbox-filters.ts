/**
 * The inbox's filters as plain data, kept in the address bar (`/inbox?due=overdue`)
 * so a reload or a shared link shows the same list. Defaults stay out of the URL.
 */
import type { TaskQuery, TaskStatus } from '../api/inbox-types'

export interface InboxFilters {
  status: TaskStatus
  flowId: string
  group: string
  assignee: 'anyone' | 'me' | 'none'
  due: '' | 'overdue' | 'today' | 'week'
  sort: 'due' | 'created'
  page: number
}

export const PAGE_SIZE = 50

export const DEFAULT_FILTERS: InboxFilters = { status: 'open', flowId: '', group: '', assignee: 'anyone', due: '', sort: 'due', page: 0 }

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback)

export function filtersFromSearch(search: string): InboxFilters {
  const p = new URLSearchParams(search)
  const page = Number(p.get('page') ?? 1)
  return {
    status: pick(p.get('status'), ['open', 'decided', 'closed'], 'open'),
    flowId: p.get('flow') ?? '',
    group: p.get('group') ?? '',
    assignee: pick(p.get('assignee'), ['anyone', 'me', 'none'], 'anyone'),
    due: pick(p.get('due'), ['', 'overdue', 'today', 'week'], ''),
    sort: pick(p.get('sort'), ['due', 'created'], 'due'),
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  }
}

export function filtersToSearch(f: InboxFilters): string {
  const p = new URLSearchParams()
  if (f.status !== 'open') p.set('status', f.status)
  if (f.flowId) p.set('flow', f.flowId)
  if (f.group) p.set('group', f.group)
  if (f.assignee !== 'anyone') p.set('assignee', f.assignee)
  if (f.due) p.set('due', f.due)
  if (f.sort !== 'due') p.set('sort', f.sort)
  if (f.page > 0) p.set('page', String(f.page + 1))
  const text = p.toString()
  return text ? `?${text}` : ''
}

export function toTaskQuery(f: InboxFilters): TaskQuery {
  return {
    status: f.status,
    flowId: f.flowId || undefined,
    group: f.group || undefined,
    assignee: f.assignee === 'anyone' ? undefined : f.assignee,
    due: f.due || undefined,
    sort: f.sort,
    limit: PAGE_SIZE,
    offset: f.page * PAGE_SIZE,
  }
}

/** True when anything narrows the list beyond "open tasks of my groups". */
export function isFiltered(f: InboxFilters): boolean {
  return f.status !== 'open' || !!f.flowId || !!f.group || f.assignee !== 'anyone' || !!f.due
}
