/**
 * The flow's runs for the runs panel (test runs left out): filtered by
 * status, searched by id or input value on the server, and kept current
 * from the stream — new runs appear at the top, statuses change in place.
 */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { RunStatus, RunSummary } from '../../api/types'
import { useLive } from '../live/LiveContext'

export interface RunFilter {
  status?: RunStatus
  q: string
}

export function useRunList(flowId: string, filter: RunFilter): { runs: RunSummary[] | null; error: string | null } {
  const { subscribe } = useLive()
  const [runs, setRuns] = useState<RunSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reload, setReload] = useState(0)
  useEffect(() => {
    let live = true
    const t = setTimeout(() => {
      api.runs({ flowId, status: filter.status, q: filter.q.trim() || undefined, test: false }).then(
        (list) => live && (setRuns(list), setError(null)),
        (e: Error) => live && setError(e.message),
      )
    }, filter.q ? 250 : 0)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [flowId, filter.status, filter.q, reload])

  useEffect(
    () =>
      subscribe((news) => {
        if (news.kind === 'changed') return setReload((n) => n + 1)
        const { message: m } = news
        if (m.test) return
        setRuns((list) => {
          if (!list) return list
          const i = list.findIndex((r) => r.id === m.runId)
          if (i >= 0) {
            const outcome = m.event.type === 'run.completed' ? String(m.event.outcome) : list[i].outcome
            if (list[i].status === m.status && list[i].outcome === outcome) return list
            return list.map((r, j) => (j === i ? { ...r, status: m.status, updatedAt: m.event.at, outcome } : r))
          }
          const matches = m.event.type === 'run.started' && !filter.q.trim() && (!filter.status || filter.status === m.status)
          if (!matches) return list
          const started: RunSummary = { id: m.runId, flowId: m.flowId, flowVersion: Number(m.event.flowVersion ?? 0), status: m.status, createdAt: m.event.at, updatedAt: m.event.at, test: false, input: m.event.input as RunSummary['input'] }
          return [started, ...list].slice(0, 200)
        })
      }),
    [subscribe, filter.q, filter.status],
  )
  return { runs, error }
}

/** A few words saying whose case a run is, from its input. */
export function inputLabel(input: Record<string, unknown> | undefined): string {
  if (!input) return ''
  return Object.values(input)
    .filter((v) => (typeof v === 'string' && v.length <= 40) || typeof v === 'number')
    .slice(0, 2)
    .join(' · ')
}
