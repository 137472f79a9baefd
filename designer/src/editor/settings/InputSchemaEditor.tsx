/** What a run starts with: the flow's input fields, their types and which are required. */
import type { Flow } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { inputFields, withInputField, type InputField, type InputType } from './input-schema'

const TYPES: InputType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array']

export function InputSchemaEditor({ input, onChange }: { input: Flow['input']; onChange(next: Flow['input'], key: string): void }) {
  const fields = inputFields(input as never)
  const set = (i: number, field: InputField | null) => onChange(withInputField(input as never, i, field) as Flow['input'], `input:${i}`)
  const taken = new Set(fields.map((f) => f.name))
  const fresh = () => {
    let n = fields.length + 1
    while (taken.has(`field${n}`)) n++
    return `field${n}`
  }
  return (
    <div className="input-fields" data-testid="input-fields">
      {fields.length > 0 && (
        <div className="input-row input-row-head" aria-hidden>
          <span>Field</span>
          <span>Type</span>
          <span>Required</span>
          <span />
        </div>
      )}
      {fields.map((f, i) => (
        <div className="input-row" key={i}>
          <input className="input input-code" aria-label="Field name" value={f.name} onChange={(e) => e.target.value && set(i, { ...f, name: e.target.value })} />
          <select className="input" aria-label={`Type of ${f.name}`} value={f.type} onChange={(e) => set(i, { ...f, type: e.target.value as InputType })}>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <input type="checkbox" aria-label={`${f.name} is required`} checked={f.required} onChange={(e) => set(i, { ...f, required: e.target.checked })} />
          <button type="button" className="icon-button small danger" aria-label={`Remove ${f.name}`} onClick={() => set(i, null)}>
            <Icon name="trash" size={14} />
          </button>
        </div>
      ))}
      {fields.length === 0 && <p className="muted small">No input fields yet. A run’s input is then any JSON object.</p>}
      <button type="button" className="button button-small" onClick={() => set(fields.length, { name: fresh(), type: 'string', required: false, description: '' })}>
        <Icon name="plus" size={14} /> Add input field
      </button>
    </div>
  )
}
