/**
 * API key check: with `INLOOP_API_KEY` set, every `/api` route but health and
 * the customer routes needs `Authorization: Bearer <key>`.
 */
import type { RequestHandler } from 'express'
import { createHash, timingSafeEqual } from 'node:crypto'
import { HttpError } from './errors.js'

const PUBLIC = [/^\/health$/, /^\/customer\//]

export function requireApiKey(apiKey: string | undefined): RequestHandler {
  if (!apiKey) return (_req, _res, next) => next()
  const expected = digest(apiKey)
  return (req, _res, next) => {
    if (PUBLIC.some((p) => p.test(req.path))) return next()
    const header = req.get('authorization') ?? ''
    const match = /^Bearer\s+(.+)$/i.exec(header)
    if (match && timingSafeEqual(digest(match[1].trim()), expected)) return next()
    next(new HttpError(401, 'UNAUTHORIZED', 'this API needs Authorization: Bearer <INLOOP_API_KEY>'))
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
