/** Asks why before rolling back: the rollback is a new version, with its own reason. */
import { useState } from 'react'
import type { ParameterVersion } from '../api/learning-types'
import { Dialog } from '../ui/Dialog'

export function RollbackDialog({ version, onClose, onSubmit }: { version: ParameterVersion; onClose(): void; onSubmit(reason: string): Promise<void> }) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    try {
      await onSubmit(reason.trim())
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={`Roll back to version ${version.version}`}
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button button-primary" disabled={busy || reason.trim() === ''} onClick={submit}>
            Roll back
          </button>
        </>
      }
    >
      <p>New cases will use the values of version {version.version} again (“{version.reason}”). Cases under way keep theirs.</p>
      <label className="field">
        <span className="field-label">Why? (required)</span>
        <textarea className="input" rows={2} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Dialog>
  )
}
