/**
 * Saving the values on screen as a new parameter version: says what changes,
 * asks why (required: it is the audit trail), and whether a second owner must
 * approve before new cases use it.
 */
import { useState } from 'react'
import type { ParameterDefinition, ParamValue } from '../api/learning-types'
import { formatValue } from './param-values'

interface Props {
  definitions: ParameterDefinition[]
  changes: Record<string, ParamValue>
  current: Record<string, ParamValue>
  requireApproval: boolean
  onSave(reason: string): Promise<void>
  onDiscard(): void
}

export function SaveChanges({ definitions, changes, current, requireApproval, onSave, onDiscard }: Props) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const names = Object.keys(changes)
  if (names.length === 0) return null
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      await onSave(reason.trim())
      setReason('')
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="save-changes" onSubmit={submit} data-testid="save-changes">
      <h3>Your changes</h3>
      <ul className="change-list">
        {names.map((name) => {
          const def = definitions.find((d) => d.name === name)!
          return (
            <li key={name}>
              {def.label}: <s>{formatValue(def, current[name])}</s> → <strong>{formatValue(def, changes[name])}</strong>
            </li>
          )
        })}
      </ul>
      <label className="field">
        <span className="field-label">Why are you changing this? (required)</span>
        <textarea className="input" rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Reviewers are overloaded and the AI has been right on these cases" data-testid="reason" />
      </label>
      <p className="muted small">{requireApproval ? 'A second owner must approve this before new cases use it.' : 'New cases use the new values at once; cases already under way keep theirs.'}</p>
      <div className="save-actions">
        <button type="button" className="button" onClick={onDiscard} disabled={busy}>
          Discard
        </button>
        <button className="button button-primary" disabled={busy || reason.trim() === ''} data-testid="save-parameters">
          {requireApproval ? 'Ask for approval' : 'Save new values'}
        </button>
      </div>
    </form>
  )
}
