/** The past cases the draft would treat otherwise, newest first: how each ended and how it would end, or who would be asked. */
import type { MovedCase, ReplayResponse } from '../../api/replay'
import { dateTime, plural } from '../../metrics/format-numbers'

const ending = (e: MovedCase['before']) => (e.status === 'failed' ? 'failed' : (e.outcome ?? 'done'))

function afterOf(m: MovedCase): string {
  if (m.verdict === 'needs-person') return m.who === 'customer' ? `asks the customer at ${m.nodeId}` : `asks ${m.role ?? 'a reviewer'} at ${m.nodeId}`
  return m.after ? ending(m.after) : '?'
}

export function MovedCases({ result: r }: { result: ReplayResponse }) {
  if (r.movedTotal === 0) return null
  return (
    <section className="inspector-section">
      <h3 className="section-title">
        Cases that move · {r.movedTotal}
        {r.movedTotal > r.moved.length ? ` (newest ${r.moved.length} shown)` : ''}
      </h3>
      <ol className="replay-moved small" data-testid="replay-moved">
        {r.moved.map((m) => (
          <li key={m.runId} title={m.reason}>
            <span className="replay-run mono">{m.runId}</span>
            <span className="muted">{dateTime(m.startedAt)}</span>
            <span>
              {ending(m.before)} → <strong>{afterOf(m)}</strong>
            </span>
            {m.reason && <span className="muted">{m.reason}</span>}
          </li>
        ))}
      </ol>
      {r.movedTotal > r.moved.length && <p className="muted small">{plural(r.movedTotal - r.moved.length, 'more case')} not listed.</p>}
    </section>
  )
}
