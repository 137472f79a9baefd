/** One task in the inbox list: title, where it comes from, the AI's proposal, who has it, when it is due, and quick actions. */
import type { InboxTask } from '../api/inbox-types'
import { Link } from '../app/Link'
import { humanize, timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'
import { DueLabel } from './DueLabel'
import { describeDue } from './due'
import { taskPath } from './next-task'

interface Props {
  task: InboxTask
  flowName: string
  selected: boolean
  me: string | undefined
  nameOf(u: string): string
  now: number
  onSelect(): void
  onClaim(): void
  onRelease(): void
  onReassign(): void
}

function Holder({ task, me, nameOf }: Pick<Props, 'task' | 'me' | 'nameOf'>) {
  if (task.status === 'decided' && task.decision) return <span className="task-holder">{`${humanize(task.decision.decision)} by ${nameOf(task.decision.by)}`}</span>
  if (task.status === 'closed') return <span className="task-holder">Closed</span>
  if (!task.assignee) return <span className="task-holder muted">Unclaimed</span>
  return (
    <span className="task-holder">
      <Icon name="user-check" size={14} /> {task.assignee === me ? 'You' : nameOf(task.assignee)}
    </span>
  )
}

export function TaskRow({ task, flowName, selected, me, nameOf, now, onSelect, onClaim, onRelease, onReassign }: Props) {
  const open = task.status === 'open'
  const overdue = describeDue(task.dueAt, now, open).overdue
  return (
    <li className={`task-row${overdue ? ' is-overdue' : ''}${selected ? ' is-selected' : ''}`} data-task-id={task.id} onClick={onSelect}>
      <div className="task-row-main">
        <Link href={taskPath(task.id)} className="task-row-title" onFocus={onSelect}>
          {task.title}
        </Link>
        <span className="task-row-meta">
          {flowName} · {task.role} · created {timeAgo(task.createdAt, now)}
        </span>
      </div>
      <div className="task-row-facts">
        <span className="task-row-chips">
          {task.proposedDecision && (
            <span className="chip chip-ai" title="The AI's proposal">
              <Icon name="sparkles" size={12} /> AI: {humanize(task.proposedDecision)}
            </span>
          )}
          {task.requiredApprovals > 1 && (
            <span className="chip" data-testid="row-approvals">
              {task.approvals.length} of {task.requiredApprovals} approvals
            </span>
          )}
        </span>
        <Holder task={task} me={me} nameOf={nameOf} />
        {task.decision ? (
          <span className="due" title={task.decision.at}>
            Decided {timeAgo(task.decision.at, now)}
          </span>
        ) : (
          <DueLabel dueAt={task.dueAt} open={open} now={now} />
        )}
      </div>
      {open && (
        <div className="task-row-actions">
          {!task.assignee && (
            <button className="button button-small" onClick={onClaim} aria-label={`Claim ${task.title}`}>
              Claim
            </button>
          )}
          {task.assignee === me && me && (
            <button className="button button-small" onClick={onRelease} aria-label={`Release ${task.title}`}>
              Release
            </button>
          )}
          <button className="button button-small" onClick={onReassign} aria-label={`Hand on ${task.title}`}>
            Hand on…
          </button>
        </div>
      )}
    </li>
  )
}
