/** One line saying where a run is: running, waiting (on whom, since when), the outcome, or what failed. */
import type { RunDetail } from '../../api/types'
import { timeAgo } from '../../ui/format'
import { useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'

export function RunStatusLine({ run, starting, error, answerHere }: { run: RunDetail | null; starting: boolean; error: string | null; answerHere?: boolean }) {
  const wait = run?.waitingOn?.[0]
  const where = useEditorState((s) => flowOf(s).nodes.find((n) => n.id === wait?.nodeId)?.label) ?? wait?.nodeId ?? '?'
  if (error && !run) return <p className="run-status run-failed" data-testid="run-status" data-status="error">{error}</p>
  if (starting || !run) return <p className="run-status run-running" data-testid="run-status" data-status="starting">Starting…</p>
  const text =
    run.status === 'completed'
      ? <>Completed · outcome <strong data-testid="run-outcome">{run.outcome}</strong></>
      : run.status === 'waiting'
        ? answerHere
          ? 'Waiting for a person — answer below'
          : `Waiting at “${where}”${wait ? ` since ${timeAgo(wait.since)}` : ''}`
        : run.status === 'failed'
          ? `Failed: ${(run.error as { message?: string })?.message ?? 'see the steps below'}`
          : run.status === 'cancelled'
            ? 'Cancelled'
            : 'Running…'
  return (
    <p className={`run-status run-${run.status}`} data-testid="run-status" data-status={run.status}>
      <span className="save-dot" aria-hidden /> {text}
    </p>
  )
}
