/** Where a reviewer goes after deciding: the next open task of the list they came from, else back to the list. */
import { inboxApi } from '../api/inbox'
import { navigate } from '../app/router'
import { toast } from '../ui/toast-store'
import { filtersToSearch, toTaskQuery } from './inbox-filters'
import { nextAfter, queuedFilters, rememberQueue } from './task-queue'

export const inboxPath = (): string => `/inbox${filtersToSearch(queuedFilters())}`
export const taskPath = (id: string): string => `/inbox/${encodeURIComponent(id)}`

export async function goToNextTask(doneId: string, me: string | undefined): Promise<void> {
  const filters = { ...queuedFilters(), status: 'open' as const, page: 0 }
  try {
    const { tasks } = await inboxApi.tasks(toTaskQuery(filters))
    // A four-eyes task I approved stays open for a colleague; it is not mine to see again.
    const ids = tasks.filter((t) => !t.approvals.some((a) => a.by === me)).map((t) => t.id)
    const next = nextAfter(doneId, ids)
    rememberQueue(ids, filters)
    if (next) return navigate(taskPath(next))
    toast('That was the last open task. Well done.', 'success')
  } catch {
    // The list could not be read: the inbox will say why.
  }
  navigate(inboxPath())
}
