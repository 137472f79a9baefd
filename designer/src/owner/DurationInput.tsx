/** A duration parameter as an amount and a unit ("2" "days"), stored as ISO 8601 (P2D). */
import type { ParameterDefinition } from '../api/learning-types'
import { DURATION_UNITS, joinDuration, splitDuration } from './param-values'

interface Props {
  def: ParameterDefinition
  value: string
  id: string
  describedBy?: string
  onChange(value: string): void
}

export function DurationInput({ def, value, id, describedBy, onChange }: Props) {
  const parts = splitDuration(value)
  if (!parts) {
    // A duration with years or months: rare for a deadline; edit it as written.
    return <input className="input ow-param-text" id={id} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
  }
  return (
    <span className="ow-param-duration">
      <input
        type="number"
        className="input"
        id={id}
        min={1}
        step={1}
        value={parts.amount}
        aria-describedby={describedBy}
        onChange={(e) => e.target.value !== '' && onChange(joinDuration(Number(e.target.value), parts.unit))}
        data-testid={`duration-${def.name}`}
      />
      <select className="input" aria-label={`${def.label}, unit`} value={parts.unit} onChange={(e) => onChange(joinDuration(parts.amount, e.target.value as typeof parts.unit))}>
        {DURATION_UNITS.map((u) => (
          <option key={u.unit} value={u.unit}>
            {u.unit}
          </option>
        ))}
      </select>
    </span>
  )
}
