/**
 * Four eyes on a task page: how many distinct reviewers it needs, who has
 * approved so far, and why this reviewer may not approve (again).
 */
import type { TaskDetail } from '../api/inbox-types'
import { humanize, timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'

/** Decisions this person may not make: an approval of their own run, anything after approving once. */
export function blockedDecisions(task: TaskDetail, me: string | undefined): Set<string> {
  const needsAll = task.requiredApprovals > 1 ? (task.approvalDecisions ?? task.decisions.slice(0, 1)) : []
  if (task.approvals.some((a) => a.by === me)) return new Set(task.decisions)
  if (me && task.run.requestedBy === me) return new Set(needsAll)
  return new Set()
}

export function FourEyesNote({ task, me, nameOf }: { task: TaskDetail; me: string | undefined; nameOf(u: string): string }) {
  if (task.requiredApprovals <= 1) return null
  const mine = task.approvals.find((a) => a.by === me)
  const selfRequested = !!me && task.run.requestedBy === me
  return (
    <div className="four-eyes" data-testid="four-eyes">
      <p>
        <Icon name="user-check" size={14} /> <strong>Four eyes:</strong> {task.requiredApprovals} different reviewers must agree.{' '}
        <span data-testid="approval-count">
          {task.approvals.length} of {task.requiredApprovals} approvals
        </span>{' '}
        so far.
      </p>
      {task.approvals.length > 0 && (
        <ul>
          {task.approvals.map((a) => (
            <li key={a.by}>
              {nameOf(a.by)}: {humanize(a.decision)}, {timeAgo(a.at)}
              {a.reason && <span className="muted"> — “{a.reason}”</span>}
            </li>
          ))}
        </ul>
      )}
      {mine && <p className="four-eyes-block">You have approved; another reviewer has to decide now.</p>}
      {!mine && selfRequested && <p className="four-eyes-block">You requested this run, so you may not approve it.</p>}
    </div>
  )
}
