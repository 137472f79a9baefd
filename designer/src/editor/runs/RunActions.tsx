/** Retry a failed run from the step that failed; cancel a running or waiting one, with a reason. */
import { useState } from 'react'
import { api } from '../../api/client'
import type { RunDetail } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { toast } from '../../ui/toast-store'

export function RunActions({ run, onDone }: { run: RunDetail; onDone(): void }) {
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await what()
      toast(done, 'success')
      setCancelling(false)
      onDone()
    } catch (e) {
      toast((e as Error).message, 'error')
    } finally {
      setBusy(false)
    }
  }
  const failedAt = (run.error as { nodeId?: string } | undefined)?.nodeId
  return (
    <div className="run-actions">
      {run.status === 'failed' && (
        <button className="button button-small" disabled={busy} onClick={() => void act(() => api.retryRun(run.id), 'Retried from the step that failed.')} data-testid="retry-run">
          <Icon name="refresh" size={14} /> Retry{failedAt ? ` from “${failedAt}”` : ''}
        </button>
      )}
      {(run.status === 'waiting' || run.status === 'running') && !cancelling && (
        <button className="button button-small button-danger-quiet" onClick={() => setCancelling(true)} data-testid="cancel-run">
          <Icon name="ban" size={14} /> Cancel run…
        </button>
      )}
      {cancelling && (
        <form
          className="cancel-form"
          onSubmit={(e) => {
            e.preventDefault()
            void act(() => api.cancelRun(run.id, reason.trim()), 'The run is cancelled.')
          }}
        >
          <label className="field">
            <span className="field-label">Why cancel it? (kept in the run’s history)</span>
            <input className="input" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} data-testid="cancel-reason" placeholder="e.g. the customer withdrew the application" />
          </label>
          <div className="decision-buttons">
            <button type="submit" className="button button-small button-danger" disabled={busy || !reason.trim()} data-testid="confirm-cancel">
              Cancel the run
            </button>
            <button type="button" className="button button-small" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
