/** One line saying where the test run is: running, waiting for a person, the outcome, or what failed. */
import type { RunInfo } from '../../api/types'

export function RunStatusLine({ run, starting, error }: { run: RunInfo | null; starting: boolean; error: string | null }) {
  if (error && !run) return <p className="run-status run-failed" data-testid="run-status" data-status="error">{error}</p>
  if (starting || !run) return <p className="run-status run-running" data-testid="run-status" data-status="starting">Starting…</p>
  const text =
    run.status === 'completed'
      ? <>Completed · outcome <strong data-testid="run-outcome">{run.outcome}</strong></>
      : run.status === 'waiting'
        ? 'Waiting for a person — answer below'
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
