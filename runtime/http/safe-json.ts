/**
 * Reject JSON bodies with `__proto__`, `constructor` or `prototype` keys: they
 * have no business in a flow or a decision, and refusing them at the door
 * means no later merge can pollute a prototype.
 */
import type { RequestHandler } from 'express'
import { HttpError } from './errors.js'

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_DEPTH = 64

export function findForbiddenKey(value: unknown, path = '$', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `${path} (nested deeper than ${MAX_DEPTH} levels)`
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${path}[${i}]`, depth + 1)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) return `${path}.${key}`
      const found = findForbiddenKey((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

export const rejectForbiddenKeys: RequestHandler = (req, _res, next) => {
  const found = findForbiddenKey(req.body)
  if (found) return next(new HttpError(400, 'FORBIDDEN_KEY', `the key at ${found} is not allowed`))
  next()
}
