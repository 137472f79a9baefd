/**
 * Every parameter version, newest first: who, when, why and what changed,
 * its state, and rolling back to any version that was once in force.
 */
import { useState } from 'react'
import type { ParameterDefinition, ParameterVersion } from '../api/learning-types'
import { dateTime } from '../metrics/format-numbers'
import { timeAgo } from '../ui/format'
import { RollbackDialog } from './RollbackDialog'
import { differences, kindOf, statusOf } from './version-words'

interface Props {
  versions: ParameterVersion[]
  definitions: ParameterDefinition[]
  currentVersion: number | undefined
  onRollback(v: ParameterVersion, reason: string): Promise<void>
}

export function VersionHistory({ versions, definitions, currentVersion, onRollback }: Props) {
  const [rollingBack, setRollingBack] = useState<ParameterVersion | null>(null)
  return (
    <section className="ow-card ow-history" aria-labelledby="history-title">
      <header className="ow-card-head">
        <h2 id="history-title">History</h2>
      </header>
      {versions.length === 0 && <p className="empty-note">No changes yet: the flow runs with the values its designer published.</p>}
      <ol className="ow-history-list" data-testid="history">
        {versions.map((v, i) => {
          const status = statusOf(v, currentVersion)
          const older = versions.slice(i + 1).find((o) => o.effectiveFrom !== undefined)
          const changes = differences(definitions, v, older)
          return (
            <li key={v.version} className="ow-history-item" data-version={v.version}>
              <div className="ow-history-main">
                <div className="ow-history-title">
                  <strong>Version {v.version}</strong>
                  <span className={`chip ${status.tone}`}>{status.text}</span>
                  <span className="muted small">{kindOf(v)}</span>
                </div>
                <p className="ow-history-why">“{v.reason}”</p>
                {changes.length > 0 && (
                  <ul className="change-list">
                    {changes.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                )}
                <p className="muted small">
                  {v.createdBy}, <time dateTime={v.createdAt} title={dateTime(v.createdAt)}>{timeAgo(v.createdAt)}</time>
                  {v.decidedBy && ` · ${v.status === 'rejected' ? 'rejected' : 'approved'} by ${v.decidedBy}${v.decisionNote ? `: “${v.decisionNote}”` : ''}`}
                </p>
              </div>
              {v.effectiveFrom !== undefined && v.version !== currentVersion && (
                <button className="button button-small" onClick={() => setRollingBack(v)} aria-label={`Roll back to version ${v.version}`}>
                  Roll back to this
                </button>
              )}
            </li>
          )
        })}
      </ol>
      {rollingBack && <RollbackDialog version={rollingBack} onClose={() => setRollingBack(null)} onSubmit={(reason) => onRollback(rollingBack, reason).then(() => setRollingBack(null))} />}
    </section>
  )
}
