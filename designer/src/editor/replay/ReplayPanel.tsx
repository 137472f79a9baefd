/**
 * "Try on past runs": run the draft on the canvas against the flow's finished
 * runs before publishing it. Shows how many cases would end the same, end
 * otherwise, need a person nobody asked, or cannot be told — and draws the
 * path-count difference on the canvas while the tab is open.
 */
import { useEffect, useMemo, useState } from 'react'
import { Icon } from '../../ui/Icon'
import { ProblemList } from '../../ui/ProblemList'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { replayOverlay } from './replay-overlay'
import { ReplayResults } from './ReplayResults'
import { useReplay } from './useReplay'

const PERIODS = [
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: 'all', label: 'All finished runs', days: 0 },
]

export function ReplayPanel({ active }: { active: boolean }) {
  const { showReplay } = useEditorContext()
  const flow = useEditorState(flowOf)
  const { state, run } = useReplay()
  const [period, setPeriod] = useState('all')
  const overlay = useMemo(() => (state.status === 'done' ? replayOverlay(state.result) : null), [state])
  useEffect(() => {
    showReplay(active ? overlay : null)
  }, [active, overlay, showReplay])
  const stale = state.status === 'done' && state.flowJson !== JSON.stringify(flow)
  const start = () => {
    const days = PERIODS.find((p) => p.id === period)!.days
    void run(days ? { from: new Date(Date.now() - days * 86_400_000).toISOString() } : {})
  }
  return (
    <div className="inspector replay-panel" data-testid="replay-panel">
      <section className="inspector-section">
        <p className="small muted">
          Runs the flow as it is on the canvas — saved or not — on past runs that finished: the recorded AI proposals and people's decisions answer where the same question was asked. Nothing is stored, sent or asked.
        </p>
        <div className="replay-controls">
          <select className="input" value={period} onChange={(e) => setPeriod(e.target.value)} aria-label="Which past runs" data-testid="replay-period">
            {PERIODS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <button className="button button-primary" onClick={start} disabled={state.status === 'running'} data-testid="replay-run">
            <Icon name="history" /> {state.status === 'running' ? 'Trying…' : 'Try on past runs'}
          </button>
        </div>
        {stale && (
          <p className="replay-stale small" data-testid="replay-stale">
            <Icon name="alert" size={14} /> The flow changed since; try again to see the effect of your latest edits.
          </p>
        )}
        {state.status === 'failed' && (
          <div className="field-error" role="alert" data-testid="replay-error">
            {state.message}
            {state.problems.length > 0 && <ProblemList problems={state.problems} />}
          </div>
        )}
      </section>
      {state.status === 'done' && <ReplayResults result={state.result} />}
    </div>
  )
}
