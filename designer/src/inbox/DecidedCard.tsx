/** In place of the decision form once a task is decided or closed: what was decided, by whom, why, and what was corrected. */
import type { TaskDetail } from '../api/inbox-types'
import { humanize, timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'
import { formatScalar } from './ValueView'

export function DecidedCard({ task, nameOf }: { task: TaskDetail; nameOf(u: string): string }) {
  const d = task.decision
  const labels = new Map(task.form.map((f) => [f.name, f.label]))
  return (
    <section className="ib-card decision-card is-done" aria-labelledby="decided-title" data-testid="decided">
      <h2 id="decided-title">
        <Icon name={d ? 'check' : 'x'} size={16} /> {d ? 'Decided' : 'Closed'}
      </h2>
      {d ? (
        <>
          <p className="decided-line">
            <strong>{humanize(d.decision)}</strong> by {nameOf(d.by)}, {timeAgo(d.at)}
            {d.decision !== task.proposedDecision && task.proposedDecision && <span className="muted"> (the AI proposed {humanize(task.proposedDecision)})</span>}
          </p>
          {(d.reviewers?.length ?? 0) > 1 && <p className="muted small">Reviewers: {d.reviewers!.map(nameOf).join(', ')}</p>}
          {d.reason && <p className="history-reason">“{d.reason}”</p>}
          {Object.entries(d.corrections ?? {}).map(([field, c]) => (
            <p key={field} className="small">
              Corrected {labels.get(field) ?? field}: {formatScalar(c.from)} → {formatScalar(c.to)}
            </p>
          ))}
        </>
      ) : (
        <p>Nothing left to decide{task.closedReason ? `: ${task.closedReason}` : ''}.</p>
      )}
    </section>
  )
}
