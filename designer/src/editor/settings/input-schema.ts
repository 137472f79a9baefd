/**
 * The flow's input schema as simple rows (name, type, required,
 * description) and back. Keywords the rows do not show (minLength, enum…)
 * are kept, so editing one field never rewrites the others.
 */
export type InputType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array'

export interface InputField {
  name: string
  type: InputType
  required: boolean
  description: string
}

type Schema = { type?: string; properties?: Record<string, Record<string, unknown>>; required?: string[]; [k: string]: unknown }

export function inputFields(schema: Schema): InputField[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({
    name,
    type: (typeof p.type === 'string' ? p.type : 'string') as InputType,
    required: required.has(name),
    description: typeof p.description === 'string' ? p.description : '',
  }))
}

/** Replace field `index` (or append when index = length; remove when field is null). */
export function withInputField(schema: Schema, index: number, field: InputField | null): Schema {
  const entries = Object.entries(schema.properties ?? {})
  const old = entries[index]
  const required = (schema.required ?? []).filter((n) => n !== old?.[0])
  if (field === null) entries.splice(index, 1)
  else {
    const base = old ? { ...old[1] } : {}
    if (old && old[1].type !== field.type) for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format', 'items', 'properties']) delete base[k]
    const prop: Record<string, unknown> = { ...base, type: field.type }
    if (field.description) prop.description = field.description
    else delete prop.description
    entries.splice(index, old ? 1 : 0, [field.name, prop])
    if (field.required) required.push(field.name)
  }
  const next: Schema = { ...schema, type: schema.type ?? 'object', properties: Object.fromEntries(entries) }
  const order = entries.map(([n]) => n)
  const sorted = [...new Set(required)].filter((n) => order.includes(n)).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  if (sorted.length > 0) next.required = sorted
  else delete next.required
  return next
}
