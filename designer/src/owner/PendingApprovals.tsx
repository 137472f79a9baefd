/**
 * Changes waiting for a second owner: what would change and why, its
 * what-if on request, and Approve and Reject for anyone but the author (who
 * may withdraw it).
 */
import type { ParameterDefinition, ParameterVersion, ParamValue } from '../api/learning-types'
import { timeAgo } from '../ui/format'
import { CandidateFigures } from './CandidateFigures'
import { formatValue } from './param-values'
import { valueIn } from './version-words'

interface Props {
  pending: ParameterVersion[]
  definitions: ParameterDefinition[]
  current: Record<string, ParamValue>
  me: string | undefined
  onApprove(v: ParameterVersion): void
  onReject(v: ParameterVersion): void
  /** Put its values on the sliders, so the what-if shows what it would do. */
  onPreview(v: ParameterVersion): void
}

export function PendingApprovals({ pending, definitions, current, me, onApprove, onReject, onPreview }: Props) {
  if (pending.length === 0) return null
  return (
    <section className="pending" aria-label="Waiting for approval" data-testid="pending">
      {pending.map((v) => {
        const mine = v.createdBy === me
        const changed = definitions.filter((d) => valueIn(v, d) !== current[d.name])
        return (
          <div key={v.version} className="pending-item" data-version={v.version}>
            <div className="pending-text">
              <strong>Version {v.version} waits for approval.</strong> {v.createdBy} proposed it {timeAgo(v.createdAt)}: “{v.reason}”
              {changed.length > 0 && (
                <ul className="change-list">
                  {changed.map((d) => (
                    <li key={d.name}>
                      {d.label}: {formatValue(d, current[d.name])} → <strong>{formatValue(d, valueIn(v, d))}</strong>
                    </li>
                  ))}
                </ul>
              )}
              {v.candidate && <CandidateFigures evaluation={v.candidate} />}
              {mine && <p className="small">You proposed it, so another owner approves it.</p>}
            </div>
            <div className="pending-actions">
              {changed.length > 0 && (
                <button className="button" onClick={() => onPreview(v)} title="Shows its values on the sliders and what they would have done, without saving anything">
                  Show what it would do
                </button>
              )}
              <button className="button" onClick={() => onReject(v)}>
                {mine ? 'Withdraw' : 'Reject'}
              </button>
              {!mine && (
                <button className="button button-primary" onClick={() => onApprove(v)} data-testid="approve">
                  Approve
                </button>
              )}
            </div>
          </div>
        )
      })}
    </section>
  )
}
