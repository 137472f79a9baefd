/** The run's whole audit trail (`GET /api/runs/:id/audit`), loaded when asked for, with a CSV download. */
import { useState } from 'react'
import { inboxApi } from '../api/inbox'
import type { AuditEntry } from '../api/inbox-types'
import { exactTime, shortTime } from './due'

export function AuditTrail({ runId }: { runId: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => {
    setError(null)
    inboxApi.audit(runId).then(
      (r) => setEntries(r.entries),
      (e: Error) => setError(e.message),
    )
  }
  return (
    <div className="audit">
      <div className="audit-actions">
        {!entries && (
          <button className="button button-small" onClick={load} data-testid="show-audit">
            Show the run’s full audit trail
          </button>
        )}
        <a className="small" href={inboxApi.auditCsvUrl(runId)} download>
          Download it as CSV
        </a>
      </div>
      {error && <p className="ib-error">Could not load the audit trail: {error}</p>}
      {entries && (
        <ol className="audit-list" aria-label="Audit trail" data-testid="audit">
          {entries.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at} title={exactTime(e.at)}>
                {shortTime(e.at)}
              </time>
              <span className="audit-actor">{e.actor}</span>
              <span>
                {e.summary}
                {e.reason && <span className="muted"> — “{e.reason}”</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
