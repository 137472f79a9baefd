/** The learning curve as a Chart.js configuration: held-out accuracy against the reviewed answers a model learned from. */
import type { ChartConfiguration } from 'chart.js'
import type { CurvePoint } from '../api/learning-loop'
import { COLORS } from '../metrics/charts/palette'

const STATUS_COLOR: Record<CurvePoint['status'], string> = { approved: COLORS.success, pending: COLORS.warning, rejected: COLORS.danger, superseded: COLORS.now }

export function learningCurveChart(curve: CurvePoint[]): ChartConfiguration {
  const approved = curve.filter((p) => p.status === 'approved')
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          type: 'line',
          label: 'Approved models',
          data: approved.map((p) => ({ x: p.trainedOn, y: p.accuracy })),
          borderColor: COLORS.success,
          backgroundColor: COLORS.success,
          pointRadius: 0,
        },
        {
          label: 'Candidates (green approved, amber waiting, red rejected)',
          data: curve.map((p) => ({ x: p.trainedOn, y: p.accuracy })),
          backgroundColor: curve.map((p) => STATUS_COLOR[p.status]),
          pointRadius: 6,
        },
        {
          label: 'Model in force at the time, same answers',
          data: curve.map((p) => ({ x: p.currentTrainedOn, y: p.currentAccuracy })),
          backgroundColor: COLORS.now,
          pointStyle: 'rectRot',
          pointRadius: 5,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'Reviewed answers learned from' } },
        y: { min: 0, max: 1, title: { display: true, text: 'Right on newer answers (held out)' }, ticks: { callback: (v) => `${Math.round(Number(v) * 100)}%` } },
      },
    },
  }
}
