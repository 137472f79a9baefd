/**
 * The what-if as charts — where the past cases go, and reviewer hours once
 * something changed — each with its numbers as a table for screen readers.
 */
import { useMemo } from 'react'
import type { Scenario, WhatIfResult } from '../api/learning-types'
import { ChartCanvas } from '../metrics/charts/ChartCanvas'
import { hours } from '../metrics/format-numbers'
import { casesChart, hoursChart } from './what-if-charts'

export function WhatIfCharts({ r, changed }: { r: WhatIfResult; changed: boolean }) {
  const cases = useMemo(() => casesChart(r, changed), [r, changed])
  const time = useMemo(() => hoursChart(r), [r])
  const rows: [string, Scenario][] = changed
    ? [
        ['Now', r.current],
        ['With your change', r],
      ]
    : [['Settings in force', r.current]]
  return (
    <div className={changed ? 'what-if-charts' : undefined}>
      <figure className="ow-chart-card">
        <figcaption>Where the past cases {changed ? 'would go' : 'go'}</figcaption>
        <ChartCanvas config={cases} label="Past cases automated, automated against a person's decision, and sent to a reviewer" height={changed ? 190 : 150} testId="chart-cases">
          <table>
            <thead>
              <tr>
                <th>Settings</th>
                <th>Automated</th>
                <th>Of those, a person decided otherwise</th>
                <th>Sent to a reviewer</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([name, s]) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td>{s.automated}</td>
                  <td>{s.overriddenAmongAutomated}</td>
                  <td>{s.reviewWorkload}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCanvas>
      </figure>
      {changed && (
        <figure className="ow-chart-card">
          <figcaption>Reviewer hours</figcaption>
          <ChartCanvas config={time} label={`Reviewer hours: ${hours(r.current.reviewerHours)} now, ${hours(r.reviewerHours)} with your change`} height={190} testId="chart-hours" />
        </figure>
      )}
    </div>
  )
}
