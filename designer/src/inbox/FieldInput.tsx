/**
 * One field the reviewer may correct, typed by the task's form (number,
 * date, yes/no, text). A changed value is marked as a correction and says
 * what it was, with a way back.
 */
import type { TaskField } from '../api/types'
import { Icon } from '../ui/Icon'
import { isChanged, shownValue } from './decision'

interface Props {
  field: TaskField
  value: string | boolean
  error?: string
  onChange(value: string | boolean): void
}

const isDay = (v: unknown) => v === '' || v === null || v === undefined || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))

export function FieldInput({ field, value, error, onChange }: Props) {
  const id = `field-${field.name}`
  const changed = isChanged(field, value)
  const notes = [changed ? `${id}-was` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = { id, 'aria-describedby': notes, 'aria-invalid': error ? true : undefined, 'data-field': field.name }
  const text = String(value)
  let control
  if (field.type === 'boolean') {
    control = (
      <label className="ib-check">
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {field.label}
      </label>
    )
  } else if (field.type === 'string' && (text.length > 60 || text.includes('\n'))) {
    control = <textarea className="input" rows={Math.min(10, Math.max(3, text.split('\n').length + 1))} {...common} value={text} onChange={(e) => onChange(e.target.value)} />
  } else {
    const type = field.type === 'number' ? 'number' : field.type === 'date' && isDay(field.value) ? 'date' : 'text'
    control = <input className="input" type={type} step={type === 'number' ? 'any' : undefined} {...common} value={text} onChange={(e) => onChange(e.target.value)} />
  }
  return (
    <div className={`ib-field${changed ? ' is-corrected' : ''}`}>
      {field.type !== 'boolean' && (
        <label className="ib-label" htmlFor={id}>
          {field.label}
        </label>
      )}
      {control}
      {changed && (
        <p className="correction" id={`${id}-was`}>
          <Icon name="pencil" size={12} /> Correction, was <span className="was-value">{shownValue(field.value)}</span>
          <button type="button" className="link-button" onClick={() => onChange(field.type === 'boolean' ? field.value === true : field.value == null ? '' : String(field.value))}>
            Undo
          </button>
        </p>
      )}
      {error && (
        <p className="ib-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
