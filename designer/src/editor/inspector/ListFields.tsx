/**
 * Lists in a config: objects (decisions, rules, examples, form fields) as
 * small cards with their own fields, and lists of words or choices as chips.
 * Items can be added, removed and reordered.
 */
import { useState } from 'react'
import type { Problem } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { FieldShell } from './FieldShell'
import { useForm } from './FormContext'
import { emptyValue, type JsonSchema, type Path } from './json-schema'
import { SchemaField } from './SchemaField'

const COLLAPSE_AT = 8

export function ObjectListField({ id, schema, label, help, path, value, problems }: { id: string; schema: JsonSchema; label: string; help?: string; path: Path; value: unknown; problems: Problem[] }) {
  const form = useForm()
  const [showAll, setShowAll] = useState(false)
  const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : []
  const item = schema.items!
  const write = (next: unknown[]) => form.onChange(path, next)
  const move = (i: number, by: number) => {
    const next = [...items]
    const [it] = next.splice(i, 1)
    next.splice(i + by, 0, it)
    write(next)
  }
  const visible = showAll || items.length <= COLLAPSE_AT ? items : items.slice(0, COLLAPSE_AT - 2)
  const full = schema.maxItems !== undefined && items.length >= schema.maxItems
  return (
    <FieldShell id={id} label={`${label}${items.length ? ` (${items.length})` : ''}`} help={help} problems={problems}>
      <ol className="object-list" id={id}>
        {visible.map((it, i) => (
          <li key={i} className="object-item" data-testid={`${path.join('.')}-item`}>
            <div className={`object-item-fields fields-${Object.keys(item.properties ?? {}).length}`}>
              {Object.entries(item.properties ?? {}).map(([k, s]) => (
                <SchemaField key={k} schema={s} name={k} path={[...path, i, k]} value={it?.[k]} required={item.required?.includes(k)} compact />
              ))}
            </div>
            <div className="object-item-actions">
              <button type="button" className="icon-button small" aria-label="Move up" disabled={i === 0} onClick={() => move(i, -1)}>
                <Icon name="arrow-up" size={14} />
              </button>
              <button type="button" className="icon-button small" aria-label="Move down" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                <Icon name="arrow-down" size={14} />
              </button>
              <button type="button" className="icon-button small danger" aria-label={`Remove item ${i + 1}`} onClick={() => write(items.filter((_, j) => j !== i))}>
                <Icon name="trash" size={14} />
              </button>
            </div>
          </li>
        ))}
      </ol>
      {visible.length < items.length && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          Show all {items.length}
        </button>
      )}
      <button type="button" className="button button-small add-item" disabled={full} onClick={() => write([...items, emptyValue(item)])} data-testid={`add-${path.join('.')}`}>
        <Icon name="plus" size={14} /> Add
      </button>
    </FieldShell>
  )
}

export function StringListField({ id, schema, value, onChange }: { id: string; schema: JsonSchema; value: unknown; onChange(v: unknown): void }) {
  const [draft, setDraft] = useState('')
  const items = Array.isArray(value) ? (value as string[]) : []
  const add = () => {
    const word = draft.trim()
    if (!word || items.includes(word)) return
    onChange([...items, word])
    setDraft('')
  }
  return (
    <div className="chips-input">
      {items.map((it, i) => (
        <span className="chip chip-removable" key={`${it}-${i}`}>
          {it}
          <button type="button" aria-label={`Remove ${it}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        className="input input-bare"
        value={draft}
        placeholder={items.length ? 'Add…' : schema.items?.format === 'duration' ? 'e.g. P1D, then Enter' : 'Type, then Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') (e.preventDefault(), add())
          if (e.key === 'Backspace' && !draft && items.length) onChange(items.slice(0, -1))
        }}
        onBlur={add}
      />
    </div>
  )
}

export function EnumListField({ id, schema, value, onChange }: { id: string; schema: JsonSchema; value: unknown; onChange(v: unknown): void }) {
  const items = Array.isArray(value) ? value : []
  const options = schema.items?.enum ?? []
  return (
    <div className="check-chips" id={id} role="group">
      {options.map((o) => {
        const on = items.includes(o)
        return (
          <button type="button" key={String(o)} aria-pressed={on} className={`chip${on ? ' chip-on' : ''}`} onClick={() => onChange(on ? items.filter((x) => x !== o) : [...items, o])}>
            {String(o)}
          </button>
        )
      })}
    </div>
  )
}
