/** One parameter: name, label, type, value and (for numbers) unit, bounds and step. */
import type { FlowParameter } from '../../../../node-types/flow/schema'
import type { Problem } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { problemSentence } from '../inspector/FieldShell'

const TYPES: FlowParameter['type'][] = ['number', 'integer', 'string', 'boolean', 'duration']

export function ParameterCard({ index, parameter: p, problems, onChange, onRemove }: { index: number; parameter: FlowParameter; problems: Map<string, Problem[]>; onChange(p: FlowParameter): void; onRemove(): void }) {
  const numeric = p.type === 'number' || p.type === 'integer'
  const mine = [...problems.entries()].filter(([k]) => k.startsWith(`parameters.${index}.`) || k === `parameters.${index}`).flatMap(([, list]) => list)
  const num = (v: string) => (v === '' ? undefined : Number(v))
  const setType = (type: FlowParameter['type']) => {
    const value = type === 'boolean' ? false : type === 'duration' ? 'P1D' : type === 'string' ? '' : 0
    const { min, max, step, unit, ...rest } = p
    onChange(type === 'number' || type === 'integer' ? { ...rest, type, value, ...(min !== undefined && { min }), ...(max !== undefined && { max }), ...(step !== undefined && { step }), ...(unit !== undefined && { unit }) } : { ...rest, type, value })
  }
  return (
    <div className={`param-card${mine.length ? ' field-invalid' : ''}`} data-testid="parameter">
      <div className="param-grid">
        <label className="field">
          <span className="field-label">Label</span>
          <input className="input" value={p.label} onChange={(e) => onChange({ ...p, label: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input input-code" value={p.name} onChange={(e) => onChange({ ...p, name: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Type</span>
          <select className="input" value={p.type} onChange={(e) => setType(e.target.value as FlowParameter['type'])}>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Value{p.unit ? ` (${p.unit})` : ''}</span>
          {p.type === 'boolean' ? (
            <input type="checkbox" checked={p.value === true} onChange={(e) => onChange({ ...p, value: e.target.checked })} />
          ) : numeric ? (
            <input className="input" type="number" value={typeof p.value === 'number' ? p.value : ''} min={p.min} max={p.max} step={p.step ?? 'any'} onChange={(e) => onChange({ ...p, value: Number(e.target.value) })} />
          ) : (
            <input className="input" value={String(p.value)} onChange={(e) => onChange({ ...p, value: e.target.value })} />
          )}
        </label>
        {numeric && (
          <>
            <label className="field">
              <span className="field-label">Min</span>
              <input className="input" type="number" value={p.min ?? ''} onChange={(e) => onChange(withOptional(p, 'min', num(e.target.value)))} />
            </label>
            <label className="field">
              <span className="field-label">Max</span>
              <input className="input" type="number" value={p.max ?? ''} onChange={(e) => onChange(withOptional(p, 'max', num(e.target.value)))} />
            </label>
            <label className="field">
              <span className="field-label">Unit</span>
              <input className="input" value={p.unit ?? ''} placeholder="EUR, %, days" onChange={(e) => onChange(withOptional(p, 'unit', e.target.value || undefined))} />
            </label>
          </>
        )}
        <label className="field param-description">
          <span className="field-label">Description</span>
          <input className="input" value={p.description ?? ''} placeholder="What changing it does, for a business owner" onChange={(e) => onChange(withOptional(p, 'description', e.target.value || undefined))} />
        </label>
      </div>
      {mine.map((problem, i) => (
        <p key={i} className="field-error">
          {problemSentence(problem)}
        </p>
      ))}
      <button type="button" className="icon-button small danger param-remove" aria-label={`Remove parameter ${p.name}`} onClick={onRemove}>
        <Icon name="trash" size={14} />
      </button>
    </div>
  )
}

function withOptional<K extends 'min' | 'max' | 'unit' | 'description'>(p: FlowParameter, key: K, value: FlowParameter[K] | undefined): FlowParameter {
  const next = { ...p }
  if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) delete next[key]
  else next[key] = value
  return next
}
