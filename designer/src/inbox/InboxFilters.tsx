/** The filter bar over the inbox: flow, status, who has it, due, group (when there is a choice) and order. */
import type { InboxFilters as Filters } from './inbox-filters'
import { isFiltered } from './inbox-filters'

interface Props {
  filters: Filters
  flows: { id: string; name: string }[]
  groups: string[]
  /** Everyone's groups (an admin) rather than the reviewer's own. */
  allGroups?: boolean
  onChange(patch: Partial<Filters>): void
}

function Select<T extends string>({ label, value, options, onChange, name }: { label: string; name: string; value: T; options: [T, string][]; onChange(v: T): void }) {
  return (
    <div className="filter">
      <label className="filter-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="input" id={`filter-${name}`} value={value} name={name} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

export function InboxFilters({ filters: f, flows, groups, allGroups, onChange }: Props) {
  return (
    <div className="filters" role="group" aria-label="Filter tasks" data-testid="inbox-filters">
      <Select label="Flow" name="flow" value={f.flowId} onChange={(flowId) => onChange({ flowId })} options={[['', 'All flows'], ...flows.map((x) => [x.id, x.name] as [string, string])]} />
      <Select label="Status" name="status" value={f.status} onChange={(status) => onChange({ status })} options={[['open', 'Open'], ['decided', 'Decided'], ['closed', 'Closed']]} />
      <Select label="Assigned" name="assignee" value={f.assignee} onChange={(assignee) => onChange({ assignee })} options={[['anyone', 'Anyone'], ['me', 'Me'], ['none', 'Unclaimed']]} />
      <Select label="Due" name="due" value={f.due} onChange={(due) => onChange({ due })} options={[['', 'Any time'], ['overdue', 'Overdue'], ['today', 'By end of today'], ['week', 'Within a week']]} />
      {groups.length > 1 && <Select label="Group" name="group" value={f.group} onChange={(group) => onChange({ group })} options={[['', allGroups ? 'All groups' : 'All my groups'], ...groups.map((g) => [g, g] as [string, string])]} />}
      <Select label="Order" name="sort" value={f.sort} onChange={(sort) => onChange({ sort })} options={[['due', 'Due soonest'], ['created', 'Oldest first']]} />
      {isFiltered(f) && (
        <button className="link-button filters-clear" onClick={() => onChange({ status: 'open', flowId: '', group: '', assignee: 'anyone', due: '' })}>
          Clear filters
        </button>
      )}
    </div>
  )
}
