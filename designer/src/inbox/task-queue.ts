/**
 * The order the reviewer last saw the inbox in, so the task page can step
 * to the next and previous task (j/k) and move on after a decision. Kept in
 * memory: a reload starts from the inbox's default order.
 */
import type { InboxFilters } from './inbox-filters'
import { DEFAULT_FILTERS } from './inbox-filters'

let queue: { ids: string[]; filters: InboxFilters } = { ids: [], filters: DEFAULT_FILTERS }

export function rememberQueue(ids: string[], filters: InboxFilters): void {
  queue = { ids, filters }
}

export function queuedFilters(): InboxFilters {
  return queue.filters
}

/** The task `step` places after (1) or before (-1) `id` in the last list, if any. */
export function neighbour(id: string, step: 1 | -1): string | undefined {
  const at = queue.ids.indexOf(id)
  return at < 0 ? undefined : queue.ids[at + step]
}

/**
 * After deciding `id`: the first open task of the fresh list that came after
 * it in the old order, else the first one that is not it.
 */
export function nextAfter(id: string, fresh: string[]): string | undefined {
  const old = queue.ids
  const at = old.indexOf(id)
  const later = at < 0 ? [] : old.slice(at + 1)
  return later.find((t) => fresh.includes(t)) ?? fresh.find((t) => t !== id)
}
