/**
 * Claim, release and hand on a task, with a toast for the outcome. Each
 * resolves to the task as the server now has it, or undefined on failure.
 */
import { useCallback } from 'react'
import { inboxApi } from '../api/inbox'
import type { InboxTask } from '../api/inbox-types'
import { toast } from '../ui/toast-store'
import { describeTaskError } from './task-errors'

export interface Handover {
  group?: string
  assignee?: string
  reason?: string
}

export function useTaskActions(nameOf: (u: string) => string, onChanged: () => void) {
  const run = useCallback(
    async (action: () => Promise<{ task: InboxTask }>, done: (t: InboxTask) => string): Promise<InboxTask | undefined> => {
      try {
        const { task } = await action()
        toast(done(task), 'success')
        return task
      } catch (e) {
        toast(describeTaskError(e, nameOf), 'error')
        return undefined
      } finally {
        onChanged()
      }
    },
    [nameOf, onChanged],
  )
  return {
    claim: (id: string) => run(() => inboxApi.claim(id), (t) => `Claimed “${t.title}”`),
    release: (id: string) => run(() => inboxApi.release(id), (t) => `Released “${t.title}”`),
    reassign: (id: string, to: Handover) =>
      run(
        () => inboxApi.reassign(id, to),
        (t) => `Handed on to ${t.assignee ? nameOf(t.assignee) : `the group ${t.role}`}`,
      ),
  }
}
