/**
 * One run, followed live: where it is (drawn on the canvas: the path it
 * took, animated, and the step it is at), retry or cancel, the people it
 * waits on (answered in place for a test run), its output, and its
 * timeline. A finished run can be stepped through from its start.
 */
import { useEffect, useMemo, useState } from 'react'
import { timeAgo } from '../../ui/format'
import { Icon } from '../../ui/Icon'
import { NO_PATH } from '../canvas/overlay'
import { useEditorContext } from '../EditorContext'
import { CustomerCard } from '../run/CustomerCard'
import { nodeStates } from '../run/run-progress'
import { RunStatusLine } from '../run/RunStatusLine'
import { TaskCard } from '../run/TaskCard'
import { RunActions } from './RunActions'
import { RunTimeline } from './RunTimeline'
import { StepControls } from './StepControls'
import { useRunFollow } from './useRunFollow'

const FINISHED = new Set(['completed', 'failed', 'cancelled'])

export function RunView({ runId, active, answers = false, onClose }: { runId: string; active: boolean; answers?: boolean; onClose(): void }) {
  const { run, events, tasks, outbox, error, refresh } = useRunFollow(runId, answers)
  const { showRunPath } = useEditorContext()
  const [cursor, setCursor] = useState<number | null>(null)
  const finished = !!run && FINISHED.has(run.status)
  const visible = useMemo(() => (cursor === null || !finished ? events : events.slice(0, cursor)), [events, cursor, finished])
  const path = useMemo(() => nodeStates(visible), [visible])
  useEffect(() => {
    if (active) showRunPath(path)
  }, [active, path, showRunPath])
  useEffect(() => () => showRunPath(NO_PATH), [showRunPath])

  return (
    <section className="run-view" data-testid="run-view" data-run-id={runId} data-status={run?.status}>
      <div className="run-head">
        <RunStatusLine run={run} starting={!run && !error} error={error} answerHere={answers} />
        <button className="icon-button small" aria-label="Close this run" title="Close" onClick={onClose} data-testid="close-run">
          <Icon name="x" size={14} />
        </button>
      </div>
      {run && (
        <p className="run-meta small muted">
          <code>{run.id}</code> · v{run.flowVersion}
          {run.test ? ' · test run' : ''} · started {timeAgo(run.createdAt)}
        </p>
      )}
      {run && <RunActions run={run} onDone={refresh} />}
      {answers && run?.status === 'waiting' && tasks.map((t) => <TaskCard key={t.id} task={t} onDone={refresh} />)}
      {answers && run?.status === 'waiting' && outbox.map((m, i) => <CustomerCard key={`${m.link}-${i}`} message={m} onDone={refresh} />)}
      {run?.status === 'completed' && (
        <div className="run-output" data-testid="run-output">
          <span className="field-label">Output</span>
          <pre className="code-block">{JSON.stringify(run.output ?? null, null, 2)}</pre>
        </div>
      )}
      {finished && events.length > 1 && <StepControls total={events.length} at={cursor ?? events.length} onAt={setCursor} />}
      {visible.length > 0 && <RunTimeline events={visible} />}
    </section>
  )
}
