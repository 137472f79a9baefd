/**
 * Parse a request's query with zod, so an error names `query.<field>`
 * (a body's zod error names `body.<field>`; see errors.ts).
 */
import type { z } from 'zod'
import { HttpError } from './errors.js'

export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query)
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => ({ path: ['query', ...i.path].join('.'), message: i.message }))
  throw new HttpError(400, 'BAD_REQUEST', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { problems })
}
