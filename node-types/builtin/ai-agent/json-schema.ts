/**
 * Check a value against a JSON Schema (a tool's arguments, the final answer)
 * through zod's JSON Schema import, compiled once per schema.
 */
import { z } from 'zod'
import type { JsonObject } from '../../sdk/types.js'

const compiled = new Map<string, z.ZodType>()

function schemaFor(schema: JsonObject): z.ZodType {
  const key = JSON.stringify(schema)
  let hit = compiled.get(key)
  if (!hit) {
    hit = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0])
    if (compiled.size > 500) compiled.clear()
    compiled.set(key, hit)
  }
  return hit
}

/** Problems of `value` against `schema`, each "path: message"; empty when it fits. */
export function schemaProblems(schema: JsonObject, value: unknown): string[] {
  const result = schemaFor(schema).safeParse(value)
  if (result.success) return []
  return result.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(value)'}: ${i.message}`)
}

/** Whether zod can use the schema at all (for config checks). */
export function schemaError(schema: JsonObject): string | undefined {
  try {
    schemaFor(schema)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
