/**
 * Test-run the draft: pick a sample input (or type one), run it, and follow
 * it in the same run view as live runs — the canvas lights the path, the
 * panel answers for the reviewer or the customer in place, and the timeline
 * shows every step. Updates come from the flow's event stream, not polling.
 */
import { useEffect, useRef, useState } from 'react'
import { api, ApiError } from '../../api/client'
import type { Problem } from '../../api/types'
import { ProblemList } from '../../ui/ProblemList'
import { useEditorContext, useEditorState } from '../EditorContext'
import { RunView } from '../runs/RunView'
import { flowOf } from '../store/editor-store'
import { RunInput } from './RunInput'

export function TestRunPanel({ active }: { active: boolean }) {
  const { store } = useEditorContext()
  const flowId = useEditorState((s) => flowOf(s).id)
  const [runId, setRunId] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null)
  const result = useRef<HTMLElement>(null)
  const run = async (input: unknown) => {
    setStarting(true)
    setFailure(null)
    setRunId(null)
    try {
      const flow = flowOf(store.get())
      setRunId((await api.startTestRun(flow.id, input, flow)).runId)
    } catch (e) {
      setFailure({ message: (e as Error).message, problems: e instanceof ApiError ? e.problems : [] })
    } finally {
      setStarting(false)
    }
  }
  // Bring the run (or what stopped it) into view.
  useEffect(() => {
    if (runId || failure) result.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [runId, failure])

  return (
    <div className="inspector run-panel" data-testid="test-run">
      <section className="inspector-section">
        <RunInput flowId={flowId} busy={starting} onRun={(input) => void run(input)} />
      </section>
      {(runId || failure) && (
        <section className="inspector-section" ref={result}>
          {failure && (
            <>
              <p className="run-status run-failed" data-testid="run-status" data-status="error">
                {failure.message}
              </p>
              {failure.problems.length > 0 && <ProblemList problems={failure.problems} />}
            </>
          )}
          {runId && <RunView key={runId} runId={runId} active={active} answers onClose={() => setRunId(null)} />}
        </section>
      )}
    </div>
  )
}
