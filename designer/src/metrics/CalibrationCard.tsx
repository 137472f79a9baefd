/**
 * Is the AI as good as it is sure? Per confidence band, how often a person
 * agreed with it against how sure it was; points under the diagonal mean the
 * AI is over-confident there. The bands are also a table for screen readers.
 */
import { useMemo } from 'react'
import type { CalibrationBand } from '../api/learning-types'
import { ChartCanvas } from './charts/ChartCanvas'
import { calibrationChart } from './metrics-charts'
import { percent } from './format-numbers'

export function CalibrationCard({ bands }: { bands: CalibrationBand[] }) {
  const config = useMemo(() => calibrationChart(bands), [bands])
  const used = bands.filter((b) => b.cases > 0)
  return (
    <figure className="ow-chart-card calibration" data-testid="calibration">
      <figcaption>Is the AI as good as it is sure?</figcaption>
      <p className="muted small">
        Each dot is a band of answers by the AI’s confidence; bigger dots hold more answers. On the dashed line the AI is right exactly as often as it is sure; below it, it is over-confident.
      </p>
      {used.length === 0 ? (
        <p className="empty-note">No reviewed or customer answers with an AI confidence yet.</p>
      ) : (
        <ChartCanvas config={config} label="Accuracy against the AI's mean confidence per confidence band, with the diagonal of perfect calibration" height={280} testId="chart-calibration">
          <table>
            <thead>
              <tr>
                <th>Confidence band</th>
                <th>Answers</th>
                <th>Mean confidence</th>
                <th>A person agreed</th>
              </tr>
            </thead>
            <tbody>
              {used.map((b) => (
                <tr key={b.band}>
                  <td>{b.band}</td>
                  <td>{b.cases}</td>
                  <td>{percent(b.meanConfidence)}</td>
                  <td>{percent(b.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCanvas>
      )}
    </figure>
  )
}
