/** One page of the inbox for the given filters, kept fresh by polling; a late answer to an older query is dropped. */
import { useCallback, useRef, useState } from 'react'
import { inboxApi } from '../api/inbox'
import type { InboxTask } from '../api/inbox-types'
import { toTaskQuery, type InboxFilters } from './inbox-filters'
import { usePolling } from './usePolling'

export interface InboxState {
  tasks: InboxTask[] | null
  total: number
  error: string | null
  updatedAt: number | null
}

export function useInboxTasks(filters: InboxFilters): InboxState & { reload(): void } {
  const [state, setState] = useState<InboxState>({ tasks: null, total: 0, error: null, updatedAt: null })
  const seq = useRef(0)
  const key = JSON.stringify(filters)
  const load = useCallback(() => {
    const mine = ++seq.current
    inboxApi.tasks(toTaskQuery(filters)).then(
      ({ tasks, total }) => mine === seq.current && setState({ tasks, total, error: null, updatedAt: Date.now() }),
      (e: Error) => mine === seq.current && setState((s) => ({ ...s, error: e.message })),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  usePolling(load, 10_000, [load])
  return { ...state, reload: load }
}
