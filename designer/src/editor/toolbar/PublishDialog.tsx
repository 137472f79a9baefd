/**
 * Publishing asks what changed: the note is kept with the version, so the
 * versions list and the owner view say why it was published.
 */
import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'

export function PublishDialog({ onClose, onPublish }: { onClose(): void; onPublish(note: string): Promise<unknown> }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const publish = async () => {
    if (!note.trim()) return
    setBusy(true)
    try {
      await onPublish(note.trim())
      onClose()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      title="Publish a new version"
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button button-primary" disabled={!note.trim() || busy} onClick={() => void publish()} data-testid="publish-confirm">
            Publish
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">What changed?</span>
        <textarea
          className="input"
          rows={3}
          maxLength={2000}
          value={note}
          data-autofocus
          placeholder="e.g. Four eyes from 50,000 EUR instead of 100,000"
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && void publish()}
          data-testid="publish-note"
        />
        <p className="field-help">New runs start on the new version; running cases stay on the one they started on.</p>
      </label>
    </Dialog>
  )
}
