/**
 * Personal fields: properties of a flow's input schema marked
 * `"x-personal": true` (a name, an e-mail, an address). Their values are
 * replaced by `[field]` in anything sent to a hosted model.
 */
import type { Flow } from '../../../node-types/flow/schema.js'
import type { Json, JsonObject } from '../../../node-types/sdk/types.js'

/** Names of the top-level input fields marked personal. */
export function personalFields(flow: Flow): string[] {
  const properties = (flow.input as { properties?: Record<string, { 'x-personal'?: unknown }> }).properties ?? {}
  return Object.entries(properties)
    .filter(([, schema]) => schema && typeof schema === 'object' && schema['x-personal'] === true)
    .map(([name]) => name)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A function that replaces a run's personal values (each at least 2
 * characters; case ignored) with the field's name in brackets.
 *
 * @example
 * redactor(['email'], { email: 'ada@example.com' })('Mail ada@example.com') // 'Mail [email]'
 */
export function redactor(fields: readonly string[], input: JsonObject): (text: string) => string {
  const values: [RegExp, string][] = []
  for (const field of fields) {
    const value: Json | undefined = input[field]
    if (typeof value !== 'string' && typeof value !== 'number') continue
    const text = String(value).trim()
    if (text.length >= 2) values.push([new RegExp(escape(text), 'gi'), `[${field}]`])
  }
  // Longer values first, so a full name goes before a part of it.
  values.sort((a, b) => b[0].source.length - a[0].source.length)
  return (text) => values.reduce((out, [pattern, mark]) => out.replace(pattern, mark), text)
}

/** Redact every string inside a JSON value. */
export function redactJson(value: Json, redact: (text: string) => string): Json {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((v) => redactJson(v, redact))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, redact)]))
  return value
}
