/**
 * The metrics dashboard of a flow (`/flows/<id>/metrics`): headline numbers
 * for a period, the same per day, the AI's calibration, and the feedback
 * loop (dataset download, retraining). Charts load lazily.
 */
import { useState } from 'react'
import { FlowPageHeader } from '../owner/FlowPageHeader'
import { OwnerProblem } from '../owner/OwnerProblem'
import { CalibrationByModel } from './CalibrationByModel'
import { CalibrationCard } from './CalibrationCard'
import { plural } from './format-numbers'
import { LearnCard } from './LearnCard'
import { MetricsTiles } from './MetricsTiles'
import { TrendCharts } from './TrendCharts'
import { PERIODS, useMetrics, type PeriodId } from './useMetrics'
import '../styles/owner.css'
import '../styles/owner-charts.css'

export function MetricsPage({ flowId }: { flowId: string }) {
  const [period, setPeriod] = useState<PeriodId>('30d')
  const { metrics, error, reload } = useMetrics(flowId, period)
  return (
    <div className="owner-page">
      <FlowPageHeader flowId={flowId} page="metrics" />
      <main className="owner-main">
        <div className="metrics-bar">
          <h2>How the flow is doing</h2>
          <label className="period">
            <span className="muted">Period</span>
            <select className="input" value={period} onChange={(e) => setPeriod(e.target.value as PeriodId)} data-testid="period">
              {PERIODS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {metrics && <span className="muted" data-testid="run-count">{plural(metrics.totals.runs, 'case')} started in this period</span>}
        </div>
        {error && <OwnerProblem code={error.code} message={error.message} />}
        {!metrics && !error && <div className="skeleton-list" aria-busy="true" />}
        {metrics && (
          <>
            <MetricsTiles t={metrics.totals} />
            <TrendCharts m={metrics} />
            <div className="owner-grid">
              <CalibrationCard bands={metrics.calibration} />
              <LearnCard flowId={flowId} onRetrained={() => void reload()} />
            </div>
            <CalibrationByModel models={metrics.calibrationByModel ?? []} />
          </>
        )}
      </main>
    </div>
  )
}
