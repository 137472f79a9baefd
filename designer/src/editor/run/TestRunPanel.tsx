/**
 * Test-run the draft: pick a sample input (or type one), run it, watch each
 * step, answer for the reviewer or the customer in place, and read the
 * outcome and output. The canvas lights up the path the run took.
 */
import { useEffect, useMemo, useRef } from 'react'
import type { NodeRunStatus } from '../canvas/to-react-flow'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { Icon } from '../../ui/Icon'
import { ProblemList } from '../../ui/ProblemList'
import { CustomerCard } from './CustomerCard'
import { nodeStates } from './run-progress'
import { RunInput } from './RunInput'
import { RunStatusLine } from './RunStatusLine'
import { RunTimeline } from './RunTimeline'
import { TaskCard } from './TaskCard'
import { useTestRun } from './useTestRun'

export function TestRunPanel({ onRunState }: { onRunState(state: Map<string, NodeRunStatus>): void }) {
  const { store } = useEditorContext()
  const flowId = useEditorState((s) => flowOf(s).id)
  const { state, start, refresh, reset } = useTestRun()
  const states = useMemo(() => nodeStates(state.events), [state.events])
  useEffect(() => onRunState(states), [states, onRunState])
  const run = (input: unknown) => void start(flowOf(store.get()), input)
  // Bring the result (or the person to answer for) into view when the run's status changes.
  const result = useRef<HTMLElement>(null)
  useEffect(() => {
    if (state.run?.status && state.run.status !== 'running') result.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [state.run?.status])

  return (
    <div className="inspector run-panel" data-testid="test-run">
      <section className="inspector-section">
        <RunInput flowId={flowId} busy={state.starting || state.run?.status === 'running'} onRun={run} />
      </section>
      {(state.runId || state.error) && (
        <section className="inspector-section" ref={result}>
          <div className="run-head">
            <RunStatusLine run={state.run} starting={state.starting} error={state.error} />
            {state.runId && (
              <button className="icon-button small" aria-label="Clear the test run" title="Clear" onClick={reset}>
                <Icon name="x" size={14} />
              </button>
            )}
          </div>
          {state.problems.length > 0 && <ProblemList problems={state.problems} />}
          {state.tasks.map((t) => (
            <TaskCard key={t.id} task={t} onDone={refresh} />
          ))}
          {state.run?.status === 'waiting' &&
            state.outbox.map((m, i) => <CustomerCard key={`${m.link}-${i}`} message={m} onDone={refresh} />)}
          {state.run?.status === 'completed' && (
            <div className="run-output" data-testid="run-output">
              <span className="field-label">Output</span>
              <pre className="code-block">{JSON.stringify(state.run.output ?? null, null, 2)}</pre>
            </div>
          )}
        </section>
      )}
      {state.events.length > 0 && (
        <section className="inspector-section">
          <h3 className="section-title">Steps</h3>
          <RunTimeline events={state.events} />
        </section>
      )}
    </div>
  )
}
