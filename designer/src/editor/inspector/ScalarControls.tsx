/** Controls for single values: text, number with bounds, switch, choice, raw JSON. */
import { useEffect, useState } from 'react'
import type { JsonSchema } from './json-schema'

type Change = (value: unknown) => void

export function TextControl({ id, value, onChange, required, placeholder, invalid }: { id: string; value: unknown; onChange: Change; required?: boolean; placeholder?: string; invalid?: boolean }) {
  return (
    <input
      id={id}
      className={`input${invalid ? ' is-invalid' : ''}`}
      value={value === undefined || value === null ? '' : String(value)}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
    />
  )
}

export function NumberControl({ id, schema, value, onChange, required, invalid }: { id: string; schema: JsonSchema; value: unknown; onChange: Change; required?: boolean; invalid?: boolean }) {
  const min = schema.minimum ?? schema.exclusiveMinimum
  const max = schema.maximum ?? schema.exclusiveMaximum
  const bounds = min !== undefined && max !== undefined ? `${min} – ${max}` : min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : ''
  return (
    <div className="number-control">
      <input
        id={id}
        type="number"
        className={`input${invalid ? ' is-invalid' : ''}`}
        value={typeof value === 'number' ? value : ''}
        min={min}
        max={max}
        step={schema.type === 'integer' ? 1 : 'any'}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const raw = e.target.value
          if (raw === '') return onChange(required ? 0 : undefined)
          const n = Number(raw)
          if (!Number.isNaN(n)) onChange(n)
        }}
      />
      {bounds && <span className="number-bounds">{bounds}</span>}
    </div>
  )
}

export function BooleanControl({ id, value, onChange, label }: { id: string; value: boolean; onChange: Change; label: string }) {
  return (
    <label className="switch" htmlFor={id}>
      <input id={id} type="checkbox" role="switch" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span className="switch-track" aria-hidden />
      <span>{label}</span>
    </label>
  )
}

export function EnumControl({ id, schema, value, onChange, required }: { id: string; schema: JsonSchema; value: unknown; onChange: Change; required?: boolean }) {
  const options = schema.enum ?? []
  const short = options.length <= 4 && options.every((o) => String(o).length <= 10)
  if (short) {
    return (
      <div className="segmented" role="radiogroup" id={id}>
        {options.map((o) => (
          <button type="button" key={String(o)} role="radio" aria-checked={value === o} className={value === o ? 'is-on' : ''} onClick={() => onChange(o)}>
            {String(o)}
          </button>
        ))}
      </div>
    )
  }
  return (
    <select id={id} className="input" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : options.find((o) => String(o) === e.target.value))}>
      {(!required || value === undefined) && <option value="">—</option>}
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {String(o)}
        </option>
      ))}
    </select>
  )
}

/** For shapes the form does not know: edit the value as JSON, applied when it parses. */
export function JsonControl({ id, value, onChange, invalid }: { id: string; value: unknown; onChange: Change; invalid?: boolean }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2))
  const [bad, setBad] = useState(false)
  useEffect(() => {
    setText((t) => (sameJson(t, value) ? t : JSON.stringify(value ?? null, null, 2)))
  }, [value])
  return (
    <textarea
      id={id}
      rows={4}
      className={`input input-code${invalid || bad ? ' is-invalid' : ''}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        try {
          onChange(JSON.parse(e.target.value))
          setBad(false)
        } catch {
          setBad(true)
        }
      }}
    />
  )
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value ?? null)
  } catch {
    return false
  }
}
