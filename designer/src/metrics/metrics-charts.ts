/**
 * Chart.js configurations for the metrics dashboard: rates per day (as
 * percentages, gaps where a day had nothing to count), time to decision in
 * the unit that reads best, and the calibration chart — accuracy against the
 * AI's mean confidence per band, with the diagonal a perfectly calibrated AI
 * would follow.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js'
import type { CalibrationBand, FlowMetrics, MetricsSummary } from '../api/learning-types'
import { COLORS } from './charts/palette'
import { everyDay, series } from './daily-series'
import { shortDay } from './format-numbers'

type Pick = (s: MetricsSummary) => number | null
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10)

function lineSet(label: string, data: (number | null)[], color: string): ChartDataset<'line'> {
  return { label, data, borderColor: color, backgroundColor: color, pointRadius: 3, pointHoverRadius: 5, borderWidth: 2, tension: 0, spanGaps: true }
}

/** Percent lines over the days of the period. */
export function rateChart(m: FlowMetrics, lines: { label: string; pick: Pick; color: string }[]): ChartConfiguration<'line'> {
  const days = everyDay(m)
  return {
    type: 'line',
    data: { labels: days.map(shortDay), datasets: lines.map((l) => lineSet(l.label, series(m, days, l.pick).map(pct), l.color)) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } }, x: { grid: { display: false }, ticks: { maxTicksLimit: 10 } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => ` ${c.dataset.label}: ${c.raw === null ? 'no cases' : `${c.formattedValue}%`}` } } },
    },
  }
}

const UNITS = [
  { name: 'seconds', s: 1 },
  { name: 'minutes', s: 60 },
  { name: 'hours', s: 3600 },
  { name: 'days', s: 86_400 },
]

/** The largest unit in which the longest value is still at least 2. */
export function timeUnit(maxSeconds: number): { name: string; s: number } {
  return [...UNITS].reverse().find((u) => maxSeconds / u.s >= 2) ?? UNITS[0]
}

export function timeChart(m: FlowMetrics): ChartConfiguration<'bar'> {
  const days = everyDay(m)
  const median = series(m, days, (s) => s.timeToDecision.medianSeconds)
  const p90 = series(m, days, (s) => s.timeToDecision.p90Seconds)
  const unit = timeUnit(Math.max(0, ...p90.map((v) => v ?? 0)))
  const scaled = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : Math.round((v / unit.s) * 10) / 10))
  return {
    type: 'bar',
    data: {
      labels: days.map(shortDay),
      datasets: [
        { label: 'Half of the decisions within', data: scaled(median), backgroundColor: COLORS.primary, borderRadius: 3 },
        { label: '9 in 10 decisions within', data: scaled(p90), backgroundColor: COLORS.primarySoft, borderRadius: 3 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: unit.name } }, x: { grid: { display: false }, ticks: { maxTicksLimit: 10 } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => ` ${c.dataset.label} ${c.formattedValue} ${unit.name}` } } },
    },
  }
}

export function calibrationChart(bands: CalibrationBand[]): ChartConfiguration<'scatter'> {
  const used = bands.filter((b) => b.cases > 0 && b.meanConfidence !== null && b.accuracy !== null)
  const most = Math.max(1, ...used.map((b) => b.cases))
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Answers in a confidence band',
          data: used.map((b) => ({ x: pct(b.meanConfidence)!, y: pct(b.accuracy)! })),
          pointRadius: used.map((b) => 4 + 8 * Math.sqrt(b.cases / most)),
          pointHoverRadius: used.map((b) => 6 + 8 * Math.sqrt(b.cases / most)),
          backgroundColor: 'rgba(79, 70, 229, 0.75)',
          borderColor: COLORS.primary,
          clip: false,
        },
        { label: 'Perfectly calibrated', data: [{ x: 0, y: 0 }, { x: 100, y: 100 }], showLine: true, pointRadius: 0, borderColor: COLORS.now, borderDash: [6, 4], borderWidth: 1.5 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 14, right: 14 } },
      scales: {
        x: { min: 0, max: 100, title: { display: true, text: 'How sure the AI was (mean confidence)' }, ticks: { callback: (v) => `${v}%` } },
        y: { min: 0, max: 100, title: { display: true, text: 'How often a person agreed' }, ticks: { callback: (v) => `${v}%` } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (c) => {
              if (c.datasetIndex === 1) return ' Perfectly calibrated'
              const b = used[c.dataIndex]
              return ` ${b.cases} answers, AI ${c.parsed.x}% sure, a person agreed ${c.parsed.y}%`
            },
          },
        },
      },
    },
  }
}
