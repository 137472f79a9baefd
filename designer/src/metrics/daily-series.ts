/**
 * The metrics' daily rows as chart series over every day from the first
 * with cases to the end of the period: a day without runs is a gap (null),
 * not a zero, so a quiet weekend does not look like an automation rate of 0%.
 */
import type { FlowMetrics, MetricsSummary } from '../api/learning-types'

const DAY = 86_400_000

export function everyDay(metrics: FlowMetrics, today = new Date()): string[] {
  // From the first day with cases: a flow that started last week does not get three weeks of empty chart.
  const first = metrics.daily[0]?.date
  if (!first) return []
  const last = metrics.to ? new Date(Date.parse(metrics.to) - 1).toISOString().slice(0, 10) : today.toISOString().slice(0, 10)
  const days: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`) && days.length < 400; t += DAY) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

export function series(metrics: FlowMetrics, days: string[], pick: (s: MetricsSummary) => number | null): (number | null)[] {
  const byDate = new Map(metrics.daily.map((d) => [d.date, d]))
  return days.map((d) => {
    const row = byDate.get(d)
    return row ? pick(row) : null
  })
}
