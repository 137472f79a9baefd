/**
 * Chart.js configurations for the what-if: where the past cases would go
 * (automated as a person decided, automated against a person's decision,
 * to a reviewer) now and with the change, and the reviewer hours of each.
 * Before anything changed, only the settings in force are drawn.
 */
import type { ChartConfiguration } from 'chart.js'
import type { Scenario, WhatIfResult } from '../api/learning-types'
import { COLORS } from '../metrics/charts/palette'
import { hours } from '../metrics/format-numbers'

/** Row labels (Chart.js draws an array as lines): the settings in force, and the ones on screen when they differ. */
const rows = (changed: boolean) => (changed ? ['Now', ['With your', 'change']] : ['Settings in force'])
const pair = <T>(now: T, next: T, changed: boolean): T[] => (changed ? [now, next] : [now])

function split(s: Scenario) {
  return { agreed: s.automated - s.overriddenAmongAutomated, errors: s.overriddenAmongAutomated, review: s.reviewWorkload, other: s.failed + s.unreplayable }
}

export function casesChart(r: WhatIfResult, changed: boolean): ChartConfiguration<'bar'> {
  const now = split(r.current)
  const next = split(r)
  const datasets = [
    { label: 'Automated, as a person decided', data: pair(now.agreed, next.agreed, changed), backgroundColor: COLORS.primary },
    { label: 'Automated, but a person decided otherwise', data: pair(now.errors, next.errors, changed), backgroundColor: COLORS.danger },
    { label: 'Sent to a reviewer', data: pair(now.review, next.review, changed), backgroundColor: COLORS.review },
  ]
  if (now.other + next.other > 0) datasets.push({ label: 'Could not be replayed', data: pair(now.other, next.other, changed), backgroundColor: COLORS.nowSoft })
  return {
    type: 'bar',
    data: { labels: rows(changed), datasets: datasets.map((d) => ({ ...d, borderRadius: 3, barPercentage: 0.7, maxBarThickness: 34 })) },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: 'past cases' }, ticks: { precision: 0 } },
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => ` ${c.dataset.label}: ${c.formattedValue} cases` } } },
    },
  }
}

export function hoursChart(r: WhatIfResult): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows(true),
      datasets: [{ label: 'Reviewer hours', data: [r.current.reviewerHours, r.reviewerHours], backgroundColor: [COLORS.nowSoft, COLORS.primary], borderRadius: 3, barPercentage: 0.6, maxBarThickness: 48 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: 'hours of reviewing' } }, x: { grid: { display: false } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => ` ${hours(Number(c.raw))}` } } },
    },
  }
}
