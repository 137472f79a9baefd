/** Filters over the outbox: flow, purpose, and one run (typed, or picked by clicking a run in the list). */
import { useEffect, useState } from 'react'
import type { OutboxFilters as Filters } from './outbox-filters'
import { PURPOSES } from './outbox-filters'

interface Props {
  filters: Filters
  flows: { id: string; name: string }[]
  onChange(patch: Partial<Filters>): void
}

export function OutboxFilters({ filters: f, flows, onChange }: Props) {
  const [run, setRun] = useState(f.runId)
  useEffect(() => setRun(f.runId), [f.runId])
  const applyRun = () => run.trim() !== f.runId && onChange({ runId: run.trim() })
  return (
    <form className="filters" role="group" aria-label="Filter messages" onSubmit={(e) => (e.preventDefault(), applyRun())}>
      <div className="filter">
        <label className="filter-label" htmlFor="outbox-flow">
          Flow
        </label>
        <select className="input" id="outbox-flow" value={f.flowId} onChange={(e) => onChange({ flowId: e.target.value })}>
          <option value="">All flows</option>
          {flows.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label className="filter-label" htmlFor="outbox-purpose">
          Purpose
        </label>
        <select className="input" id="outbox-purpose" value={f.purpose} onChange={(e) => onChange({ purpose: e.target.value as Filters['purpose'] })}>
          <option value="">All messages</option>
          {PURPOSES.map(([p, label]) => (
            <option key={p} value={p}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter filter-wide">
        <label className="filter-label" htmlFor="outbox-run">
          Run
        </label>
        <input className="input" id="outbox-run" value={run} placeholder="Any run (paste a run id)" onChange={(e) => setRun(e.target.value)} onBlur={applyRun} />
      </div>
      {(f.flowId || f.runId || f.purpose) && (
        <button type="button" className="link-button filters-clear" onClick={() => onChange({ flowId: '', runId: '', purpose: '' })}>
          Clear filters
        </button>
      )}
    </form>
  )
}
