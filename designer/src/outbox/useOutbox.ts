/**
 * Outbox messages for the filters, newest first. The API pages backwards in
 * time (`before`), so "show earlier" asks for the page before the oldest shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { inboxApi } from '../api/inbox'
import type { OutboxEntry } from '../api/inbox-types'
import { OUTBOX_PAGE, toOutboxQuery, type OutboxFilters } from './outbox-filters'

export interface OutboxState {
  messages: OutboxEntry[] | null
  hasMore: boolean
  error: string | null
  loading: boolean
}

export function useOutbox(filters: OutboxFilters) {
  const [state, setState] = useState<OutboxState>({ messages: null, hasMore: false, error: null, loading: true })
  const seq = useRef(0)
  const key = JSON.stringify(filters)

  const fetchPage = useCallback(
    async (before: string | undefined, append: boolean) => {
      const mine = ++seq.current
      setState((s) => ({ ...s, loading: true }))
      try {
        const page = await inboxApi.outbox(toOutboxQuery(filters, before))
        if (mine !== seq.current) return
        const newest = [...page].reverse()
        setState((s) => ({ messages: append ? [...(s.messages ?? []), ...newest] : newest, hasMore: page.length === OUTBOX_PAGE, error: null, loading: false }))
      } catch (e) {
        if (mine === seq.current) setState((s) => ({ ...s, error: (e as Error).message, loading: false }))
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  )

  useEffect(() => {
    void fetchPage(undefined, false)
  }, [fetchPage])

  const oldest = state.messages?.[state.messages.length - 1]?.createdAt
  return {
    ...state,
    reload: () => fetchPage(undefined, false),
    more: () => oldest && fetchPage(oldest, true),
  }
}
