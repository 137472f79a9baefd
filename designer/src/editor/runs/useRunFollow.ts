/**
 * Follows one run: its state and its whole event log, kept current from the
 * flow's stream (events arrive as they are committed; a gap or a skipped
 * stretch is read again from the API). When the run waits and `answers` is
 * on (a test run), its open tasks and customer messages are loaded too, so
 * the panel can answer in place.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import type { OutboxMessage, RunDetail, RunEvent, TaskInfo } from '../../api/types'
import { useLive } from '../live/LiveContext'

export interface FollowedRun {
  run: RunDetail | null
  events: RunEvent[]
  tasks: TaskInfo[]
  outbox: OutboxMessage[]
  error: string | null
}

const EMPTY: FollowedRun = { run: null, events: [], tasks: [], outbox: [], error: null }
const seqOf = (e: RunEvent) => Number(e.seq ?? 0)

export function useRunFollow(runId: string | null, answers = false): FollowedRun & { refresh(): void } {
  const { subscribe } = useLive()
  const [state, setState] = useState<FollowedRun>(EMPTY)
  const current = useRef(runId)
  current.current = runId

  const load = useCallback(async () => {
    const id = current.current
    if (!id) return
    try {
      const [run, events] = await Promise.all([api.run(id), api.runEvents(id)])
      const waiting = answers && run.status === 'waiting'
      const [tasks, outbox] = waiting ? await Promise.all([api.openTasks(id), api.outbox(id)]) : [[], []]
      if (current.current === id) setState({ run, events, tasks, outbox, error: null })
    } catch (e) {
      if (current.current === id) setState((s) => ({ ...s, error: (e as Error).message }))
    }
  }, [answers])

  useEffect(() => {
    setState(EMPTY)
    if (!runId) return
    void load()
    let reload: ReturnType<typeof setTimeout> | undefined
    const soon = () => {
      clearTimeout(reload)
      reload = setTimeout(() => void load(), 60)
    }
    const unsubscribe = subscribe((news) => {
      if (news.kind === 'changed') {
        if (news.runIds === null || news.runIds.includes(runId)) soon()
        return
      }
      const { message } = news
      if (message.runId !== runId) return
      setState((s) => {
        const last = s.events.length > 0 ? seqOf(s.events[s.events.length - 1]) : 0
        // A gap is filled by the reload below.
        if (message.event.seq !== last + 1) return s
        const run = s.run ? { ...s.run, status: message.status } : s.run
        return { ...s, run, events: [...s.events, message.event] }
      })
      // The run's own view (outcome, waits, tasks) is read again once its commit has arrived.
      soon()
    })
    return () => {
      clearTimeout(reload)
      unsubscribe()
    }
  }, [runId, subscribe, load])

  return { ...state, refresh: load }
}
