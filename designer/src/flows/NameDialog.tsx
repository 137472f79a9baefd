/** Asks for a name (new flow, rename). */
import { useState } from 'react'
import { Dialog } from '../ui/Dialog'

export function NameDialog({ title, action, initial, onClose, onSubmit }: { title: string; action: string; initial: string; onClose(): void; onSubmit(name: string): Promise<void> | void }) {
  const [name, setName] = useState(initial)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!name.trim()) return
    setBusy(true)
    try {
      await onSubmit(name.trim())
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button button-primary" disabled={!name.trim() || busy} onClick={submit} data-testid="name-dialog-submit">
            {action}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input autoFocus className="input" value={name} placeholder="e.g. Loan approval" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} data-testid="name-dialog-input" />
      </label>
    </Dialog>
  )
}
