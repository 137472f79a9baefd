/** Top of a task page: back to the inbox, previous/next, the title, and where the task comes from. */
import { useEffect, useRef } from 'react'
import type { TaskDetail } from '../api/inbox-types'
import { Link } from '../app/Link'
import { timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'
import { DueLabel } from './DueLabel'
import { inboxPath, taskPath } from './next-task'
import { neighbour } from './task-queue'

const STATUS = { open: 'Open', decided: 'Decided', closed: 'Closed' } as const

export function TaskHeader({ task }: { task: TaskDetail }) {
  const title = useRef<HTMLHeadingElement>(null)
  // A new task is announced and the keyboard starts from its top.
  useEffect(() => title.current?.focus({ preventScroll: false }), [task.id])
  const prev = neighbour(task.id, -1)
  const next = neighbour(task.id, 1)
  return (
    <div className="task-head">
      <div className="task-top">
        <Link href={inboxPath()} className="back-link">
          <Icon name="chevron-left" size={16} /> Inbox
        </Link>
        <span className="task-steps">
          {prev && (
            <Link href={taskPath(prev)} className="button button-small" aria-label="Previous task (k)">
              <Icon name="arrow-up" size={14} /> Previous
            </Link>
          )}
          {next && (
            <Link href={taskPath(next)} className="button button-small" aria-label="Next task (j)">
              <Icon name="arrow-down" size={14} /> Next
            </Link>
          )}
        </span>
      </div>
      <h1 ref={title} tabIndex={-1} data-testid="task-title">
        {task.title}
      </h1>
      <p className="task-meta">
        <DueLabel dueAt={task.dueAt} open={task.status === 'open'} />
        <span className={`chip${task.status === 'open' ? ' chip-info' : ' chip-success'}`}>{STATUS[task.status]}</span>
        {task.run.test && <span className="chip chip-test">Test run</span>}
        <span>
          {task.flowName} · {task.stepLabel}
        </span>
        <span>Group {task.role}</span>
        <span title={task.createdAt}>Created {timeAgo(task.createdAt)}</span>
      </p>
    </div>
  )
}
