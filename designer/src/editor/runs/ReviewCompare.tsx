/** What the AI proposed beside what the person decided (and what they corrected), for one review. */
import type { Review } from './run-story'
import { aiShown } from './run-story'

const show = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : typeof v === 'string' ? v : JSON.stringify(v))

export function ReviewCompare({ review }: { review: Review }) {
  const ai = aiShown(review.shown)
  const corrections = Object.entries(review.corrections ?? {})
  const overridden = review.proposal !== undefined && review.decision !== undefined && review.proposal !== review.decision
  return (
    <div className="review-compare" data-testid="review-compare">
      <div className="review-side">
        <span className="review-side-title">AI proposed</span>
        {review.proposal ? <strong>{review.proposal}</strong> : <span className="small muted">no proposed decision</span>}
        {ai.map((a) => (
          <span key={a.key} className="small muted">
            {a.key}: {a.text}
          </span>
        ))}
      </div>
      <div className={`review-side${overridden ? ' is-override' : ''}`}>
        <span className="review-side-title">{review.decision ? `${review.reviewers?.join(' + ') || review.by} decided` : 'Person'}</span>
        <strong>{review.decision ?? (review.approvals.length > 0 ? `${review.approvals.length} approval so far` : 'waiting')}</strong>
        {review.reason && <span className="small">“{review.reason}”</span>}
        {corrections.map(([field, c]) => (
          <span key={field} className="small">
            {field}: <s>{show(c.from)}</s> → {show(c.to)}
          </span>
        ))}
      </div>
    </div>
  )
}
