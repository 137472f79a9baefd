/** A candidate model beside the model in force, on the newest reviewed answers neither learned from. */
import type { CandidateEvaluation, ModelFigures } from '../api/learning-loop'
import { percent } from '../metrics/format-numbers'

const ROWS: { label: string; value(f: ModelFigures): string; better(a: ModelFigures, b: ModelFigures): boolean | null }[] = [
  { label: 'Right on the held-out answers', value: (f) => percent(f.accuracy), better: (a, b) => (a.accuracy === b.accuracy ? null : a.accuracy > b.accuracy) },
  { label: 'Calibration error (lower is better)', value: (f) => f.calibrationError.toFixed(3), better: (a, b) => (a.calibrationError === b.calibrationError ? null : a.calibrationError < b.calibrationError) },
  { label: 'Finished without a person, at today’s settings', value: (f) => percent(f.automationRate), better: () => null },
  { label: 'Expected errors among those', value: (f) => String(f.expectedErrors), better: (a, b) => (a.expectedErrors === b.expectedErrors ? null : a.expectedErrors < b.expectedErrors) },
  { label: 'Reviewed answers learned from', value: (f) => String(f.trainedOn), better: () => null },
]

export function CandidateFigures({ evaluation: e }: { evaluation: CandidateEvaluation }) {
  return (
    <div className="candidate" data-testid="candidate-figures">
      <p className="small">
        A new model for <strong>{e.nodeId}</strong>, learned from the older of {e.answers} reviewed answers and tested on the {e.heldOut} newest, which neither model learned from.
      </p>
      <table className="candidate-table small">
        <thead>
          <tr>
            <th />
            <th>Model in force</th>
            <th>Candidate</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const better = row.better(e.candidate, e.current)
            return (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value(e.current)}</td>
                <td className={better === null ? '' : better ? 'is-better' : 'is-worse'}>{row.value(e.candidate)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
