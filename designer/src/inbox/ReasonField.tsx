/** The reason for a decision: optional, except when the reviewer decides other than the AI proposed — said up front, and again if forgotten. */
import type { Ref } from 'react'
import { humanize } from '../ui/format'

interface Props {
  proposed?: string
  value: string
  error: string | null
  ref?: Ref<HTMLTextAreaElement>
  onChange(value: string): void
}

export function ReasonField({ proposed, value, error, ref, onChange }: Props) {
  const describedBy = [proposed ? 'reason-help' : '', error ? 'reason-error' : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="ib-field">
      <label className="ib-label" htmlFor="decision-reason">
        Reason {!proposed && <span className="muted">(optional)</span>}
      </label>
      {proposed && (
        <p className="ib-help" id="reason-help">
          Required when you decide other than the AI’s proposal, <strong>{humanize(proposed)}</strong>.
        </p>
      )}
      <textarea
        ref={ref}
        id="decision-reason"
        className="input"
        rows={3}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        placeholder={proposed ? 'What you saw that the AI did not' : 'Anything the next person should know'}
      />
      {error && (
        <p className="ib-error" id="reason-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
