/** A flow's metrics for a period ("last 30 days" etc.), loaded again when the period changes or the user signs in. */
import { useCallback, useEffect, useState } from 'react'
import { learningApi } from '../api/learning'
import type { FlowMetrics } from '../api/learning-types'
import { useSession } from '../app/session'

export const PERIODS = [
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: 'all', label: 'All time', days: 0 },
] as const

export type PeriodId = (typeof PERIODS)[number]['id']

/** The period's start as an ISO time (midnight UTC, so whole days), or undefined for all time. */
export function periodStart(id: PeriodId, now = new Date()): string | undefined {
  const days = PERIODS.find((p) => p.id === id)!.days
  if (!days) return undefined
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days + 1))
  return start.toISOString()
}

export function useMetrics(flowId: string, period: PeriodId) {
  const { epoch, signedOut } = useSession()
  const [metrics, setMetrics] = useState<FlowMetrics | null>(null)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)
  const reload = useCallback(async () => {
    try {
      setMetrics(await learningApi.metrics(flowId, { from: periodStart(period) }))
      setError(null)
    } catch (e) {
      setError({ code: (e as { code?: string }).code ?? 'error', message: (e as Error).message })
    }
  }, [flowId, period])
  useEffect(() => {
    if (!signedOut) void reload()
  }, [reload, epoch, signedOut])
  return { metrics, error, reload }
}
