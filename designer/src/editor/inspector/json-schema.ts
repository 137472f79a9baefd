/**
 * Reading the JSON Schemas node types publish (zod's `toJSONSchema`): which
 * editor a property gets, its title, help and default, and immutable
 * get/set by path.
 */
import { humanize } from '../../ui/format'

export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  default?: unknown
  enum?: unknown[]
  const?: unknown
  format?: string
  examples?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
}

export type FieldKind = 'text' | 'cel' | 'template' | 'duration' | 'number' | 'integer' | 'boolean' | 'enum' | 'enum-list' | 'string-list' | 'object-list' | 'object' | 'json'

export function kindOf(schema: JsonSchema): FieldKind {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  if (schema.enum) return 'enum'
  if (type === 'string') return schema.format === 'cel' ? 'cel' : schema.format === 'template' ? 'template' : schema.format === 'duration' ? 'duration' : 'text'
  if (type === 'number') return 'number'
  if (type === 'integer') return 'integer'
  if (type === 'boolean') return 'boolean'
  if (type === 'array' && schema.items) {
    const item = kindOf(schema.items)
    if (item === 'enum') return 'enum-list'
    if (item === 'object') return 'object-list'
    if (['text', 'cel', 'template', 'duration'].includes(item)) return 'string-list'
    return 'json'
  }
  if (type === 'object' && schema.properties) return 'object'
  return 'json'
}

export const isScalar = (kind: FieldKind): boolean => ['text', 'cel', 'template', 'duration', 'number', 'integer', 'boolean', 'enum'].includes(kind)

export function titleOf(schema: JsonSchema, key: string): string {
  return schema.title ?? humanize(key)
}

export function placeholderOf(schema: JsonSchema): string | undefined {
  const example = schema.examples?.[0]
  return example === undefined ? undefined : `e.g. ${typeof example === 'string' ? example : JSON.stringify(example)}`
}

/** A fresh item for a list: each property's default, or an empty value of its type. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default)
  switch (kindOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (prop.default !== undefined || schema.required?.includes(key)) out[key] = emptyValue(prop)
      }
      return out
    }
    case 'number':
    case 'integer':
      return schema.minimum ?? 0
    case 'boolean':
      return false
    case 'enum':
      return schema.enum?.[0]
    case 'enum-list':
    case 'string-list':
    case 'object-list':
      return []
    default:
      return ''
  }
}

export type Path = (string | number)[]

export function getIn(value: unknown, path: Path): unknown {
  let v = value
  for (const key of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[key]
  return v
}

/** Copy of `root` with `value` at `path`; `undefined` removes an object key. */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const [key, ...rest] = path
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...root] : []
    list[key] = setIn(list[key], rest, value)
    return list
  }
  const obj = { ...(root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : {}) }
  const next = setIn(obj[key], rest, value)
  if (next === undefined) delete obj[key]
  else obj[key] = next
  return obj
}
