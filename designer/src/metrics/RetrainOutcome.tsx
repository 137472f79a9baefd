/** What a retrain did: accuracy on the answers kept aside before and after, and when new cases use the new model. */
import type { RetrainResult } from '../api/learning-types'
import { percent, plural } from './format-numbers'

export function RetrainOutcome({ result }: { result: RetrainResult }) {
  const { before, after, heldOut } = result.evaluation
  const better = before !== null && after !== null && after > before
  // Below this many answers kept aside, one answer moves the accuracy by 10 points or more.
  const fewHeldOut = heldOut < 10
  return (
    <div className={`retrain-outcome${better ? ' is-better' : ''}`} role="status" data-testid="retrain-result">
      <div className="retrain-numbers">
        <div>
          <span className="muted small">Accuracy before</span>
          <strong data-testid="accuracy-before">{percent(before)}</strong>
        </div>
        <span className="ow-tile-arrow" aria-hidden>
          →
        </span>
        <div>
          <span className="muted small">After</span>
          <strong className={better ? 'is-good' : undefined} data-testid="accuracy-after">
            {percent(after)}
          </strong>
        </div>
      </div>
      <p className="small">
        Learned from {plural(result.examples.reviewed, 'reviewed answer')} of {plural(result.examples.runs, 'case')}; measured on {plural(heldOut, 'answer')} kept aside
        {fewHeldOut ? ', too few to trust these percentages yet' : ''}.{' '}
        {result.parameters.status === 'approved'
          ? `New cases use the new model (settings version ${result.parameters.version}); cases under way keep theirs.`
          : `Settings version ${result.parameters.version} waits for a second owner’s approval before new cases use it.`}
      </p>
    </div>
  )
}
