/** Label, help text, inline problems and the parameter toggle around one field's control. */
import type { ReactNode } from 'react'
import type { Problem } from '../../api/types'

interface Props {
  id: string
  label: string
  help?: string
  required?: boolean
  problems: Problem[]
  aside?: ReactNode
  children: ReactNode
  inline?: boolean
}

export function FieldShell({ id, label, help, required, problems, aside, children, inline }: Props) {
  return (
    <div className={`field${inline ? ' field-inline' : ''}${problems.length ? ' field-invalid' : ''}`} data-field={id}>
      <div className="field-head">
        <label className="field-label" htmlFor={id}>
          {label}
          {required && <span className="field-required" aria-label="required">*</span>}
        </label>
        {aside}
      </div>
      {children}
      {help && <p className="field-help" id={`${id}-help`}>{help}</p>}
      {problems.map((p, i) => (
        <p key={i} className="field-error" role="alert" data-testid="field-error">
          {problemSentence(p)}
        </p>
      ))}
    </div>
  )
}

/** The validator prefixes a node's messages with "node 'x': 'field': "; inline, the field is obvious. */
export function problemSentence(p: Problem): string {
  const text = p.message.replace(/^node '[^']*':\s*/, '').replace(/^'[^']*':\s*/, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
