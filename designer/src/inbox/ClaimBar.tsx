/** Who is working a task, and the buttons to claim, release or hand it on. */
import type { InboxTask } from '../api/inbox-types'
import { Icon } from '../ui/Icon'

interface Props {
  task: InboxTask
  me: string | undefined
  isAdmin: boolean
  /** This person has approved (four eyes) and may not decide again: claiming would only block a colleague. */
  approved: boolean
  nameOf(u: string): string
  onClaim(): void
  onRelease(): void
  onReassign(): void
}

function claimText(task: InboxTask, mine: boolean, approved: boolean, nameOf: (u: string) => string): string {
  if (mine) return 'You have claimed this task; colleagues see it as yours.'
  if (task.assignee) return `${nameOf(task.assignee)} has claimed this task; only they can decide it until they release it.`
  if (approved) return 'Waiting for another reviewer of the group to decide.'
  return 'Nobody has claimed this task. Claim it so colleagues see you are on it.'
}

export function ClaimBar({ task, me, isAdmin, approved, nameOf, onClaim, onRelease, onReassign }: Props) {
  if (task.status !== 'open') return null
  const mine = task.assignee !== undefined && task.assignee === me
  const text = claimText(task, mine, approved, nameOf)
  return (
    <div className={`claim-bar${mine ? ' is-mine' : task.assignee ? ' is-taken' : ''}`} data-testid="claim-bar">
      <p>
        <Icon name={task.assignee ? 'user-check' : 'flag'} size={16} /> {text}
      </p>
      <div className="claim-actions">
        {!task.assignee && !approved && (
          <button className="button button-small button-primary" onClick={onClaim}>
            Claim <kbd className="kbd kbd-on-primary">C</kbd>
          </button>
        )}
        {(mine || (task.assignee && isAdmin)) && (
          <button className="button button-small" onClick={onRelease}>
            Release
          </button>
        )}
        <button className="button button-small" onClick={onReassign}>
          Hand on…
        </button>
      </div>
    </div>
  )
}
