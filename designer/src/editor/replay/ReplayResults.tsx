/** What trying a draft on past runs found: the four kinds of case, endings before and after, and where it changes. */
import type { ReplayResponse } from '../../api/replay'
import { count, percent, plural } from '../../metrics/format-numbers'
import { useEditorContext } from '../EditorContext'
import { MovedCases } from './MovedCases'
import { signed } from './replay-overlay'

function Total({ label, value, of, tone, testId, hint }: { label: string; value: number; of: number; tone: string; testId: string; hint: string }) {
  return (
    <div className={`replay-total is-${tone}`} data-testid={testId} data-count={value} title={hint}>
      <span className="replay-total-value">{count(value)}</span>
      <span className="replay-total-label">{label}</span>
      <span className="replay-total-share">{of ? percent(value / of) : '–'}</span>
    </div>
  )
}

export function ReplayResults({ result: r }: { result: ReplayResponse }) {
  const { canvas } = useEditorContext()
  const t = r.totals
  if (r.cases === 0) {
    return (
      <section className="inspector-section" data-testid="replay-results">
        <p className="muted small">No finished runs to try it on{r.skipped ? ` (${plural(r.skipped, 'run')} still open or cancelled)` : ''}. Runs of published versions count; test runs do not.</p>
      </section>
    )
  }
  return (
    <>
      <section className="inspector-section" data-testid="replay-results">
        <p className="small muted" data-testid="replay-summary">
          {plural(r.cases, 'finished run')} replayed in {r.ms} ms{r.skipped ? `; ${plural(r.skipped, 'run')} still open or cancelled left out` : ''}.
        </p>
        <div className="replay-totals">
          <Total label="Same ending" value={t.same} of={r.cases} tone="same" testId="replay-same" hint="The draft ends these cases as they ended." />
          <Total label="Different ending" value={t.different} of={r.cases} tone="different" testId="replay-different" hint="The draft ends these cases otherwise." />
          <Total label="Needs a person" value={t.needsPerson} of={r.cases} tone="person" testId="replay-needs-person" hint="The draft asks a reviewer or the customer something nobody was asked in these cases." />
          <Total label="Cannot tell" value={t.cannotTell} of={r.cases} tone="unknown" testId="replay-cannot-tell" hint="The record does not say what a changed step would do." />
        </div>
        <table className="replay-table small" data-testid="replay-outcomes">
          <thead>
            <tr>
              <th>Ending</th>
              <th>Recorded</th>
              <th>With draft</th>
            </tr>
          </thead>
          <tbody>
            {r.outcomes.map((o) => (
              <tr key={o.outcome}>
                <td>{o.outcome}</td>
                <td>{count(o.before)}</td>
                <td>
                  {count(o.after)} {o.after !== o.before && <span className={o.after > o.before ? 'replay-up' : 'replay-down'}>{signed(o.after - o.before)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {r.needsPerson.length > 0 && (
        <section className="inspector-section">
          <h3 className="section-title">Would need a person</h3>
          <ul className="replay-reasons small">
            {r.needsPerson.map((n) => (
              <li key={`${n.nodeId}-${n.who}`}>
                <button className="link-button" onClick={() => canvas.focusNode(n.nodeId)}>
                  {n.nodeId}
                </button>{' '}
                — {n.who === 'customer' ? 'the customer' : `a reviewer${n.role ? ` of ${n.role}` : ''}`}, {plural(n.cases, 'case')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.cannotTell.length > 0 && (
        <section className="inspector-section">
          <h3 className="section-title">Cannot tell</h3>
          <ul className="replay-reasons small" data-testid="replay-reasons">
            {r.cannotTell.map((c) => (
              <li key={c.reason}>
                {plural(c.cases, 'case')}: {c.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MovedCases result={r} />
    </>
  )
}
