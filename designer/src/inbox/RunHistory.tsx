/**
 * "Earlier in this run": every decision, four-eyes approval and customer
 * answer before this task, oldest first, with reasons and corrections; and,
 * for those who may read runs, the run's full audit trail.
 */
import type { HistoryEntry } from '../api/inbox-types'
import { humanize, timeAgo } from '../ui/format'
import { AuditTrail } from './AuditTrail'
import { exactTime } from './due'
import { formatScalar, labelOf } from './ValueView'

interface Props {
  entries: HistoryEntry[]
  runId: string
  nameOf(username: string): string
  canAudit: boolean
}

function Entry({ entry, nameOf }: { entry: HistoryEntry; nameOf: Props['nameOf'] }) {
  const when = (
    <time dateTime={entry.at} title={exactTime(entry.at)}>
      {timeAgo(entry.at)}
    </time>
  )
  if (entry.kind === 'customer') {
    return (
      <>
        <p>
          The customer answered <strong>{humanize(entry.answer)}</strong> · {when}
        </p>
        {Object.entries(entry.data ?? {}).map(([k, v]) => (
          <p key={k} className="muted small">
            {labelOf(k)}: {formatScalar(v)}
          </p>
        ))}
      </>
    )
  }
  const verb = entry.kind === 'approval' ? 'approved as first reviewer' : 'decided'
  const corrections = entry.kind === 'decision' ? Object.entries(entry.corrections ?? {}) : []
  return (
    <>
      <p className="muted small">{entry.title}</p>
      <p>
        {nameOf(entry.by)} {verb} <strong>{humanize(entry.decision)}</strong> · {when}
      </p>
      {entry.reason && <p className="history-reason">“{entry.reason}”</p>}
      {corrections.map(([field, c]) => (
        <p key={field} className="small">
          Corrected {labelOf(field)}: {formatScalar(c.from)} → {formatScalar(c.to)}
        </p>
      ))}
    </>
  )
}

export function RunHistory({ entries, runId, nameOf, canAudit }: Props) {
  return (
    <section className="ib-card" aria-labelledby="history-title">
      <h2 id="history-title">Earlier in this run</h2>
      {entries.length === 0 ? (
        <p className="muted">No one has decided or answered anything in this run before this task.</p>
      ) : (
        <ol className="history" data-testid="history">
          {entries.map((entry, i) => (
            <li key={i} className={`history-item history-${entry.kind}`}>
              <Entry entry={entry} nameOf={nameOf} />
            </li>
          ))}
        </ol>
      )}
      {canAudit && <AuditTrail runId={runId} />}
    </section>
  )
}
