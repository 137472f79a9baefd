/** The metrics per day: automation and overrides, time to decision, deadlines, and customer answers. */
import { useMemo } from 'react'
import type { FlowMetrics } from '../api/learning-types'
import { ChartCanvas } from './charts/ChartCanvas'
import { COLORS } from './charts/palette'
import { rateChart, timeChart } from './metrics-charts'

export function TrendCharts({ m }: { m: FlowMetrics }) {
  const charts = useMemo(
    () => ({
      automation: rateChart(m, [
        { label: 'Handled automatically', pick: (s) => s.automationRate, color: COLORS.primary },
        { label: 'Reviewers overrode the AI', pick: (s) => s.overrideRate, color: COLORS.warning },
      ]),
      time: timeChart(m),
      deadlines: rateChart(m, [{ label: 'Deadlines missed', pick: (s) => s.deadlines.breachRate, color: COLORS.danger }]),
      customers: rateChart(m, [
        { label: 'Confirmed', pick: (s) => s.customer.confirmationRate, color: COLORS.success },
        { label: 'Link expired', pick: (s) => s.customer.expiryRate, color: COLORS.warning },
      ]),
    }),
    [m],
  )
  return (
    <div className="ow-chart-grid">
      <Card title="Automation and overrides per day" config={charts.automation} label="Share of cases handled automatically and share of review decisions that overrode the AI, per day" />
      <Card title="Time to a decision per day" config={charts.time} label="How long reviewers took to decide, per day: the median and the time 9 in 10 decisions took" />
      <Card title="Deadlines missed per day" config={charts.deadlines} label="Share of review tasks with a deadline that missed it, per day" empty={m.totals.deadlines.withDeadline === 0 ? 'No review task in this period had a deadline.' : undefined} />
      <Card
        title="Customer answers per day"
        config={charts.customers}
        label="Share of customer answers that confirmed, and share of customer links that expired unanswered, per day"
        empty={m.totals.customer.requests === 0 ? 'No customer was asked anything in this period: this flow may not ask customers.' : undefined}
      />
    </div>
  )
}

/** A chart with its title, or a sentence saying why there is nothing to draw. */
function Card({ title, config, label, empty }: { title: string; config: Parameters<typeof ChartCanvas>[0]['config']; label: string; empty?: string }) {
  return (
    <figure className="ow-chart-card">
      <figcaption>{title}</figcaption>
      {empty ? <p className="empty-note chart-empty">{empty}</p> : <ChartCanvas config={config} label={label} />}
    </figure>
  )
}
