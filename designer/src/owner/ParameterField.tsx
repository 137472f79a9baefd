/**
 * One parameter as an owner sees it: its label, what it means, the control
 * for its type, and — once changed — what it was, with a way back.
 */
import type { ParameterDefinition, ParamValue } from '../api/learning-types'
import { DurationInput } from './DurationInput'
import { NumberSlider } from './NumberSlider'
import { formatValue } from './param-values'

interface Props {
  def: ParameterDefinition
  value: ParamValue
  /** The value in force now. */
  current: ParamValue
  onChange(value: ParamValue): void
}

export function ParameterField({ def, value, current, onChange }: Props) {
  const id = `param-${def.name}`
  const help = def.description ? `${id}-help` : undefined
  const changed = value !== current
  return (
    <div className={`ow-param${changed ? ' is-changed' : ''}`} data-param={def.name}>
      <div className="ow-param-head">
        <label className="ow-param-label" htmlFor={id}>
          {def.label}
        </label>
        <output className="ow-param-value" htmlFor={id} data-testid={`value-${def.name}`}>
          {formatValue(def, value)}
        </output>
      </div>
      {def.description && (
        <p className="ow-param-help" id={help}>
          {def.description}
        </p>
      )}
      <Control def={def} value={value} id={id} describedBy={help} onChange={onChange} />
      {changed && (
        <p className="ow-param-was">
          Now {formatValue(def, current)}.{' '}
          <button type="button" className="link-button" onClick={() => onChange(current)}>
            Undo this change
          </button>
        </p>
      )}
    </div>
  )
}

function Control({ def, value, id, describedBy, onChange }: { def: ParameterDefinition; value: ParamValue; id: string; describedBy?: string; onChange(v: ParamValue): void }) {
  if ((def.type === 'number' || def.type === 'integer') && typeof value === 'number') return <NumberSlider def={def} value={value} id={id} describedBy={describedBy} onChange={onChange} />
  if (def.type === 'duration' && typeof value === 'string') return <DurationInput def={def} value={value} id={id} describedBy={describedBy} onChange={onChange} />
  if (def.type === 'boolean') {
    return (
      <label className="ow-param-toggle">
        <input type="checkbox" id={id} checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />
        {value ? 'On' : 'Off'}
      </label>
    )
  }
  return <input className="input ow-param-text" id={id} value={String(value)} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
}
