/**
 * zod → JSON Schema 2020-12 for an OpenAPI 3.1 document. zod puts shared and
 * recursive parts under a local `$defs`, which inside an OpenAPI document
 * would point at the document's root; they are moved to
 * `components.schemas` and the references rewritten.
 */
import { z } from 'zod'

type Json = Record<string, unknown>

export class SchemaComponents {
  readonly schemas: Record<string, Json> = {}
  private readonly byContent = new Map<string, string>()

  /** The JSON Schema of `schema` (what a client sends for `input`, what it receives for `output`). */
  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const { $schema: _, $defs, ...root } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Json
    const names = new Map<string, string>()
    for (const [local, def] of Object.entries(($defs as Record<string, Json>) ?? {})) {
      const key = JSON.stringify(def)
      let name = this.byContent.get(key)
      if (!name) {
        name = /^__schema\d+$/.test(local) ? `Shared${this.byContent.size + 1}` : local
        this.byContent.set(key, name)
      }
      names.set(local, name)
    }
    for (const [local, def] of Object.entries(($defs as Record<string, Json>) ?? {})) {
      const name = names.get(local)!
      if (!this.schemas[name]) this.schemas[name] = rewrite(def, names) as Json
    }
    if (!JSON.stringify(root).includes('"$ref":"#"')) return rewrite(root, names) as Json
    // The root refers to itself (a recursive schema such as any JSON value): it becomes a component too.
    const key = JSON.stringify(root)
    let name = this.byContent.get(key)
    if (!name) {
      name = `Shared${this.byContent.size + 1}`
      this.byContent.set(key, name)
      names.set('#', name)
      this.schemas[name] = rewrite(root, names) as Json
    }
    return { $ref: `#/components/schemas/${name}` }
  }
}

function rewrite(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, names))
  if (!value || typeof value !== 'object') return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) out[k] = `#/components/schemas/${names.get(v.slice(8)) ?? v.slice(8)}`
    else if (k === '$ref' && v === '#') out[k] = `#/components/schemas/${names.get('#')}`
    else out[k] = rewrite(v, names)
  }
  return out
}
