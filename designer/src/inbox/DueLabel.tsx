/** A task's deadline in words; an overdue one stands out by colour, icon and the word "Overdue". */
import { Icon } from '../ui/Icon'
import { describeDue } from './due'

export function DueLabel({ dueAt, open, now }: { dueAt?: string; open: boolean; now?: number }) {
  const due = describeDue(dueAt, now, open)
  const tone = due.overdue ? ' due-overdue' : due.soon ? ' due-soon' : dueAt ? '' : ' due-none'
  return (
    <span className={`due${tone}`} title={due.exact} data-testid="due">
      {due.overdue && <Icon name="alert" size={14} />}
      {!due.overdue && dueAt && open && <Icon name="clock" size={14} />}
      {due.text}
    </span>
  )
}
