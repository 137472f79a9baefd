/**
 * The flow's runs, live: totals, a status filter and a search (by run id or
 * any input value); pick a run to follow it on the canvas with its timeline.
 */
import { useState } from 'react'
import type { RunStatus } from '../../api/types'
import { timeAgo } from '../../ui/format'
import { Icon } from '../../ui/Icon'
import { useEditorState } from '../EditorContext'
import { useLive } from '../live/LiveContext'
import { flowOf } from '../store/editor-store'
import { RunView } from './RunView'
import { inputLabel, useRunList } from './useRunList'

const STATUSES: { id: RunStatus | undefined; label: string }[] = [
  { id: undefined, label: 'All' },
  { id: 'waiting', label: 'Waiting' },
  { id: 'running', label: 'Running' },
  { id: 'failed', label: 'Failed' },
  { id: 'completed', label: 'Done' },
  { id: 'cancelled', label: 'Cancelled' },
]

export function RunsPanel({ active }: { active: boolean }) {
  const flowId = useEditorState((s) => flowOf(s).id)
  const [selected, setSelected] = useState<string | null>(null)
  const [status, setStatus] = useState<RunStatus | undefined>(undefined)
  const [q, setQ] = useState('')
  if (selected) {
    return (
      <div className="inspector runs-panel" data-testid="runs-panel">
        <section className="inspector-section">
          <button className="link-button" onClick={() => setSelected(null)} data-testid="all-runs">
            <Icon name="chevron-left" size={14} /> All runs
          </button>
          <RunView key={selected} runId={selected} active={active} onClose={() => setSelected(null)} />
        </section>
      </div>
    )
  }
  return (
    <div className="inspector runs-panel" data-testid="runs-panel">
      <section className="inspector-section">
        <RunTotals />
        <div className="palette-search runs-search">
          <Icon name="search" />
          <input className="input input-bare" placeholder="Run id or input value" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search runs" data-testid="runs-search" />
        </div>
        <div className="check-chips" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button key={s.label} type="button" className={`chip${status === s.id ? ' chip-on' : ''}`} aria-pressed={status === s.id} onClick={() => setStatus(s.id)}>
              {s.label}
            </button>
          ))}
        </div>
      </section>
      <RunList flowId={flowId} status={status} q={q} onPick={setSelected} />
    </div>
  )
}

function RunTotals() {
  const { state, status } = useLive()
  const runs = state?.runs
  return (
    <p className="run-totals small" data-testid="run-totals">
      <span className={`live-dot is-${status}`} title={status === 'open' ? 'Live' : 'Reconnecting…'} />
      {runs ? `${runs.running} running · ${runs.waiting} waiting · ${runs.failed} failed · ${runs.completedToday} done today` : 'Counting…'}
    </p>
  )
}

function RunList({ flowId, status, q, onPick }: { flowId: string; status?: RunStatus; q: string; onPick(id: string): void }) {
  const { runs, error } = useRunList(flowId, { status, q })
  if (error) return <p className="field-error inspector-section">{error}</p>
  if (!runs) return <p className="muted small inspector-section">Loading runs…</p>
  if (runs.length === 0) {
    return <p className="muted small inspector-section">{q || status ? 'No run matches.' : 'No runs yet. Published flows run from the API (POST /api/flows/<id>/runs); test runs are in the Test run tab.'}</p>
  }
  return (
    <ol className="run-list" data-testid="run-list">
      {runs.map((r) => (
        <li key={r.id}>
          <button className="run-row" onClick={() => onPick(r.id)} data-run-id={r.id} data-status={r.status}>
            <span className={`run-dot run-${r.status}`} aria-hidden />
            <span className="run-row-text">
              <span className="run-row-label">{inputLabel(r.input) || r.id}</span>
              <span className="small muted">
                {r.status === 'completed' ? `done · ${r.outcome}` : r.status} · {timeAgo(r.updatedAt)} · <code>{r.id.slice(-8)}</code>
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  )
}
