/**
 * A number parameter: a slider between its bounds with an exact-value box
 * beside it, both showing the unit. Without both bounds only the box shows.
 */
import { useEffect, useState } from 'react'
import type { ParameterDefinition } from '../api/learning-types'
import { decimalsOf, formatValue } from './param-values'

interface Props {
  def: ParameterDefinition
  value: number
  id: string
  describedBy?: string
  onChange(value: number): void
}

export function NumberSlider({ def, value, id, describedBy, onChange }: Props) {
  const step = def.step ?? (def.type === 'integer' ? 1 : 'any')
  const digits = decimalsOf(typeof step === 'number' ? step : undefined)
  const [text, setText] = useState(String(value))
  // The box follows the slider (and a reset); typing keeps what was typed until it parses.
  useEffect(() => setText((t) => (Number(t) === value ? t : typeof step === 'number' ? value.toFixed(digits) : String(value))), [value, digits, step])
  const hasRange = def.min !== undefined && def.max !== undefined
  const commit = (raw: string) => {
    setText(raw)
    const n = Number(raw)
    if (raw.trim() !== '' && Number.isFinite(n)) onChange(n)
  }
  return (
    <div className="ow-param-number">
      {hasRange && (
        <div className="ow-param-slider">
          <input
            type="range"
            id={id}
            className="slider"
            min={def.min}
            max={def.max}
            step={step}
            value={value}
            aria-describedby={describedBy}
            aria-valuetext={formatValue(def, value)}
            onChange={(e) => onChange(Number(e.target.value))}
            data-testid={`slider-${def.name}`}
          />
          <div className="ow-param-bounds" aria-hidden>
            <span>{formatValue(def, def.min!)}</span>
            <span>{formatValue(def, def.max!)}</span>
          </div>
        </div>
      )}
      <span className="ow-param-exact">
        <input
          type="number"
          className="input"
          id={hasRange ? `${id}-exact` : id}
          aria-label={hasRange ? `${def.label}, exact value` : undefined}
          aria-describedby={hasRange ? undefined : describedBy}
          min={def.min}
          max={def.max}
          step={step}
          value={text}
          onChange={(e) => commit(e.target.value)}
          data-testid={`exact-${def.name}`}
        />
        {def.unit && <span className="ow-param-unit">{def.unit}</span>}
      </span>
    </div>
  )
}
