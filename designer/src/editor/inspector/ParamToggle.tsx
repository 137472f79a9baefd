/**
 * Binding a field to a flow parameter: `{ "$param": "autoApproveScore" }`
 * instead of a fixed value, so a business owner can change it without
 * touching the node.
 */
import { isParamRef } from '../../../../node-types/flow/param-ref'
import type { FlowParameter } from '../../../../node-types/flow/schema'
import { Icon } from '../../ui/Icon'
import { useForm } from './FormContext'
import type { FieldKind, JsonSchema } from './json-schema'

function compatible(p: FlowParameter, kind: FieldKind): boolean {
  if (kind === 'number' || kind === 'integer') return p.type === 'number' || p.type === 'integer'
  if (kind === 'boolean') return p.type === 'boolean'
  if (kind === 'duration') return p.type === 'duration' || p.type === 'string'
  return p.type === 'string' || p.type === 'duration' || kind === 'cel'
}

export function ParamToggle({ kind, value, onChange }: { schema: JsonSchema; kind: FieldKind; value: unknown; onChange(v: unknown): void }) {
  const { parameters } = useForm()
  const options = parameters.filter((p) => compatible(p, kind))
  const bound = isParamRef(value)
  if (!bound && options.length === 0) return null
  return (
    <button
      type="button"
      className={`param-toggle${bound ? ' is-on' : ''}`}
      aria-pressed={bound}
      title={bound ? 'Use a fixed value instead' : 'Take the value from a flow parameter, so a business owner can tune it'}
      onClick={() => onChange(bound ? undefined : { $param: options[0].name })}
    >
      <Icon name="sliders" size={12} /> {bound ? 'Parameter' : 'Use parameter'}
    </button>
  )
}

export function ParamSelect({ id, kind, value, onChange }: { id: string; schema: JsonSchema; kind: FieldKind; value: unknown; onChange(v: unknown): void }) {
  const { parameters } = useForm()
  const name = isParamRef(value) ? value.$param : ''
  const options = parameters.filter((p) => compatible(p, kind) || p.name === name)
  const current = parameters.find((p) => p.name === name)
  return (
    <div className="param-select">
      <select id={id} className="input" value={name} onChange={(e) => onChange({ $param: e.target.value })}>
        {!current && <option value={name}>{name} (missing)</option>}
        {options.map((p) => (
          <option key={p.name} value={p.name}>
            {p.label} ({p.name})
          </option>
        ))}
      </select>
      {current && (
        <span className="param-value">
          = {String(current.value)}
          {current.unit ? ` ${current.unit}` : ''}
        </span>
      )}
    </div>
  )
}
