/**
 * Calibration per model version: for each version of the AI, how far its
 * confidence was from how often people agreed (expected calibration error),
 * before and after calibrating on those answers — and per band, what a
 * confidence really meant. The what-if uses the calibrated values.
 */
import type { ModelCalibration } from '../api/learning-types'
import { percent, plural } from './format-numbers'

export function CalibrationByModel({ models }: { models: ModelCalibration[] }) {
  if (models.length === 0) return null
  return (
    <section className="ow-chart-card calibration-by-model" data-testid="calibration-by-model">
      <h3>Calibration per model version</h3>
      <p className="muted small">
        Each version of the AI is calibrated on the answers people gave to its proposals: the raw confidence is mapped to how often people agreed at that confidence. The what-if counts expected errors with the calibrated values.
      </p>
      {models.map((m) => (
        <details key={m.modelVersion} className="model-calibration" data-testid={`calibration-${m.modelVersion}`}>
          <summary>
            <span className="mono">{m.modelVersion}</span> · {plural(m.answers, 'answer')} · calibration error {m.calibrationError.toFixed(3)} → <strong>{m.calibratedError.toFixed(3)}</strong> calibrated
          </summary>
          <table className="candidate-table small">
            <thead>
              <tr>
                <th>Confidence</th>
                <th>Answers</th>
                <th>People agreed</th>
                <th>Calibrated confidence</th>
              </tr>
            </thead>
            <tbody>
              {m.bands.map((b) =>
                b.cases === 0 ? null : (
                  <tr key={b.band}>
                    <td>{b.band}</td>
                    <td>{b.cases}</td>
                    <td>{percent(b.accuracy)}</td>
                    <td>{percent(m.calibratedBands.find((c) => c.cases > 0 && c.band === b.band)?.meanConfidence ?? null)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  )
}
