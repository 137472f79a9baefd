/**
 * `/inbox/<taskId>`: one task, everything a reviewer needs to decide it —
 * the AI's proposal and confidence, the inputs it saw, earlier decisions in
 * the run — and the decision form. Keys: 1…n or a letter decide, c claims,
 * j/k step through the list, Esc goes back.
 */
import { useMemo, useState } from 'react'
import { ApiError } from '../api/client'
import { AppHeader } from '../app/AppHeader'
import { Link } from '../app/Link'
import { navigate } from '../app/router'
import { useCurrentUser } from '../app/useCurrentUser'
import { toast } from '../ui/toast-store'
import { ClaimBar } from './ClaimBar'
import { DecidedCard } from './DecidedCard'
import { DecisionPanel } from './DecisionPanel'
import { inboxPath, taskPath } from './next-task'
import { ProposalCard } from './ProposalCard'
import { hasAi, readProposal } from './proposal'
import { ReassignDialog } from './ReassignDialog'
import { RunHistory } from './RunHistory'
import { ShortcutDialog, ShortcutHint } from './ShortcutHelp'
import { ShownInputs } from './ShownInputs'
import { describeTaskError } from './task-errors'
import { neighbour } from './task-queue'
import { TaskHeader } from './TaskHeader'
import { useGroups } from './useGroups'
import { useKeys } from './useKeys'
import { useTask } from './useTask'
import { useTaskActions, type Handover } from './useTaskActions'
import '../styles/inbox.css'
import '../styles/task.css'
import '../styles/task-detail.css'

export function TaskPage({ taskId }: { taskId: string }) {
  const { task, error, reload } = useTask(taskId)
  const user = useCurrentUser()
  const me = user?.username
  const roles = user?.roles ?? []
  const { groups, nameOf } = useGroups()
  const actions = useTaskActions(nameOf, reload)
  const [dialog, setDialog] = useState<'reassign' | 'help' | null>(null)
  // Why the decision just sent did not count (a colleague was quicker); stays while the page does.
  const [notice, setNotice] = useState<string | null>(null)
  const onStale = (message: string) => {
    setNotice(message)
    reload()
  }
  const view = useMemo(() => task && readProposal(task.show, task.proposedDecision), [task])
  const go = (id: string | undefined) => id && navigate(taskPath(id))
  const approved = !!task?.approvals.some((a) => a.by === me)
  const handOn = async (to: Handover) => {
    const moved = await actions.reassign(taskId, to)
    if (!moved) return
    setDialog(null)
    // Handed to someone else, it is no longer this reviewer's to work.
    if (moved.assignee !== me) navigate(inboxPath())
  }

  useKeys({
    Escape: () => navigate(inboxPath()),
    j: () => go(neighbour(taskId, 1)),
    k: () => go(neighbour(taskId, -1)),
    '?': () => setDialog('help'),
    c: () => {
      if (task?.status !== 'open' || approved) return
      if (task.assignee) toast(task.assignee === me ? 'You have claimed this task already.' : `${nameOf(task.assignee)} has claimed this task.`)
      else void actions.claim(task.id)
    },
  })

  if (!task) {
    return (
      <div className="inbox-page">
        <AppHeader />
        <main className="ib-main">
          {error ? (
            <div className="empty-state" role="alert">
              <h1>{error instanceof ApiError && error.status === 403 ? 'Not a task of your groups' : 'This task cannot be shown'}</h1>
              <p>{describeTaskError(error, nameOf)}</p>
              <Link href={inboxPath()}>Back to the inbox</Link>
            </div>
          ) : (
            <div className="skeleton-list" aria-busy="true" aria-label="Loading the task" />
          )}
        </main>
      </div>
    )
  }
  const earlier = task.history.filter((h) => !(h.kind === 'approval' && h.taskId === task.id))
  return (
    <div className="inbox-page">
      <AppHeader />
      <main className="ib-main task-main" data-task-id={task.id}>
        <TaskHeader task={task} />
        {notice && (
          <p className="banner banner-error" role="alert" data-testid="task-notice">
            {notice}
          </p>
        )}
        <ClaimBar task={task} me={me} approved={approved} isAdmin={roles.includes('admin')} nameOf={nameOf} onClaim={() => actions.claim(task.id)} onRelease={() => actions.release(task.id)} onReassign={() => setDialog('reassign')} />
        <div className={`task-grid${view && hasAi(view) ? '' : ' no-ai'}`}>
          {view && hasAi(view) && (
            <div className="task-proposal">
              <ProposalCard view={view} />
            </div>
          )}
          <div className="task-inputs">{view && <ShownInputs inputs={view.inputs} title={hasAi(view) ? undefined : 'The case'} />}</div>
          <div className="task-decide">
            {task.status === 'open' ? <DecisionPanel key={task.id} task={task} me={me} nameOf={nameOf} onStale={onStale} /> : <DecidedCard task={task} nameOf={nameOf} />}
          </div>
          <div className="task-history">
            <RunHistory entries={earlier} runId={task.runId} nameOf={nameOf} canAudit={roles.some((r) => r === 'admin' || r === 'designer' || r === 'owner')} />
          </div>
        </div>
        <ShortcutHint page="task" onHelp={() => setDialog('help')} />
      </main>
      {dialog === 'help' && <ShortcutDialog onClose={() => setDialog(null)} />}
      {dialog === 'reassign' && (
        <ReassignDialog task={task} groups={groups} onClose={() => setDialog(null)} onSubmit={(to) => handOn(to)} />
      )}
    </div>
  )
}
