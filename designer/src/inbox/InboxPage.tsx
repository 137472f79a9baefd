/**
 * `/inbox`: the tasks of my groups, soonest due first, kept fresh by polling.
 * Filters live in the address bar. Keys: j/k select, Enter opens, c claims,
 * ? lists every shortcut.
 */
import { useEffect, useState } from 'react'
import type { InboxTask } from '../api/inbox-types'
import { AppHeader } from '../app/AppHeader'
import { navigate } from '../app/router'
import { useCurrentUser } from '../app/useCurrentUser'
import { InboxFilters } from './InboxFilters'
import { InboxList } from './InboxList'
import { filtersFromSearch, filtersToSearch, type InboxFilters as Filters } from './inbox-filters'
import { taskPath } from './next-task'
import { ReassignDialog } from './ReassignDialog'
import { ShortcutDialog, ShortcutHint } from './ShortcutHelp'
import { rememberQueue } from './task-queue'
import { useGroups } from './useGroups'
import { useInboxTasks } from './useInboxTasks'
import { useKeys } from './useKeys'
import { useTaskFilters } from './useTaskFilters'
import { useTaskActions } from './useTaskActions'
import '../styles/inbox.css'

export function InboxPage() {
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(location.search))
  const inbox = useInboxTasks(filters)
  const user = useCurrentUser()
  const me = user?.username
  const { groups, nameOf } = useGroups()
  const { flows, groups: myGroups } = useTaskFilters()
  const actions = useTaskActions(nameOf, inbox.reload)
  const [selected, setSelected] = useState(0)
  const [keyed, setKeyed] = useState(false)
  const [handing, setHanding] = useState<InboxTask | null>(null)
  const [help, setHelp] = useState(false)
  const tasks = inbox.tasks ?? []
  // Admins, designers and owners see every group's tasks; a reviewer sees its own groups' (the server lists only those).
  const seesAll = !!user?.roles.some((r) => r === 'admin' || r === 'designer' || r === 'owner')

  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, page: 0, ...patch }
    setFilters(next)
    setSelected(0)
    history.replaceState(null, '', `/inbox${filtersToSearch(next)}`)
  }
  useEffect(() => rememberQueue(tasks.map((t) => t.id), filters), [tasks, filters])

  const move = (step: number) => {
    if (tasks.length === 0) return
    // The first j/k shows the selection where it is; later ones move it.
    const at = Math.min(tasks.length - 1, Math.max(0, keyed ? selected + step : selected))
    setSelected(at)
    setKeyed(true)
    document.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(tasks[at].id)}"] .task-row-title`)?.focus()
  }
  const current = tasks[Math.min(selected, tasks.length - 1)]
  useKeys({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => current && navigate(taskPath(current.id)),
    c: () => current && !current.assignee && current.status === 'open' && void actions.claim(current.id),
    '?': () => setHelp(true),
  })

  return (
    <div className="inbox-page">
      <AppHeader />
      <main className="ib-main">
        <div className="ib-title">
          <h1>Inbox</h1>
          <p className="muted" aria-live="polite" data-testid="inbox-count">
            {inbox.tasks === null ? 'Loading…' : `${inbox.total} ${filters.status} task${inbox.total === 1 ? '' : 's'}`}
            {myGroups.length > 0 && !seesAll && ` for ${myGroups.join(', ')}`}
          </p>
        </div>
        <InboxFilters filters={filters} flows={flows} groups={myGroups} allGroups={seesAll} onChange={change} />
        <InboxList
          state={inbox}
          filters={filters}
          flows={flows}
          selected={selected}
          keyed={keyed}
          me={me}
          nameOf={nameOf}
          onSelect={setSelected}
          onPage={(page) => change({ page })}
          onClearFilters={() => change({ status: 'open', flowId: '', group: '', assignee: 'anyone', due: '' })}
          onClaim={(t) => actions.claim(t.id)}
          onRelease={(t) => actions.release(t.id)}
          onReassign={setHanding}
        />
        <ShortcutHint page="list" onHelp={() => setHelp(true)} />
      </main>
      {help && <ShortcutDialog onClose={() => setHelp(false)} />}
      {handing && <ReassignDialog task={handing} groups={groups} onClose={() => setHanding(null)} onSubmit={async (to) => (await actions.reassign(handing.id, to)) && setHanding(null)} />}
    </div>
  )
}
