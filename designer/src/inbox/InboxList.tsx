/** The inbox's list with its loading, error and empty states and paging ("1–50 of 132"). */
import type { InboxTask } from '../api/inbox-types'
import { Icon } from '../ui/Icon'
import { isFiltered, PAGE_SIZE, type InboxFilters } from './inbox-filters'
import { TaskRow } from './TaskRow'
import type { InboxState } from './useInboxTasks'

interface Props {
  state: InboxState
  filters: InboxFilters
  flows: { id: string; name: string }[]
  selected: number
  /** The reviewer has moved with j/k: show which row is selected. */
  keyed: boolean
  me: string | undefined
  nameOf(u: string): string
  onSelect(index: number): void
  onPage(page: number): void
  onClearFilters(): void
  onClaim(task: InboxTask): void
  onRelease(task: InboxTask): void
  onReassign(task: InboxTask): void
}

export function InboxList(p: Props) {
  const { state, filters } = p
  if (state.tasks === null) {
    return state.error ? <div className="banner banner-error" role="alert">Could not load the inbox: {state.error}</div> : <div className="skeleton-list" aria-busy="true" aria-label="Loading tasks" />
  }
  if (state.tasks.length === 0) {
    return (
      <div className="empty-state" data-testid="inbox-empty">
        <Icon name="check" size={28} />
        {isFiltered(filters) ? (
          <>
            <h2>No tasks match these filters</h2>
            <button className="button" onClick={p.onClearFilters}>
              Clear filters
            </button>
          </>
        ) : (
          <>
            <h2>Nothing waiting for you</h2>
            <p>New tasks for your groups appear here by themselves.</p>
          </>
        )}
      </div>
    )
  }
  const names = new Map(p.flows.map((f) => [f.id, f.name]))
  const first = filters.page * PAGE_SIZE
  const now = state.updatedAt ?? Date.now()
  return (
    <>
      {state.error && <div className="banner banner-error">Could not refresh the inbox: {state.error}</div>}
      <ul className={`task-list${p.keyed ? ' is-keyed' : ''}`} data-testid="inbox-list" aria-label="Tasks">
        {state.tasks.map((task, i) => (
          <TaskRow
            key={task.id}
            task={task}
            flowName={names.get(task.flowId) ?? task.flowId}
            selected={i === p.selected}
            me={p.me}
            nameOf={p.nameOf}
            now={now}
            onSelect={() => p.onSelect(i)}
            onClaim={() => p.onClaim(task)}
            onRelease={() => p.onRelease(task)}
            onReassign={() => p.onReassign(task)}
          />
        ))}
      </ul>
      {state.total > PAGE_SIZE && (
        <nav className="pager" aria-label="Pages">
          <button className="button button-small" disabled={filters.page === 0} onClick={() => p.onPage(filters.page - 1)}>
            Previous
          </button>
          <span className="muted">
            {first + 1}–{Math.min(first + PAGE_SIZE, state.total)} of {state.total}
          </span>
          <button className="button button-small" disabled={first + PAGE_SIZE >= state.total} onClick={() => p.onPage(filters.page + 1)}>
            Next
          </button>
        </nav>
      )}
    </>
  )
}
