/**
 * Every error leaves as JSON `{ error: { code, message, ... } }` with a
 * fitting status — never a stack trace. Unexpected errors are logged with
 * an id the client can quote.
 */
import type { ErrorRequestHandler } from 'express'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Logger } from '../../node-types/sdk/types.js'
import { EngineError } from '../engine/errors.js'
import { LearningError } from '../learning/errors.js'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `${what} does not exist`)
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, body } = toResponse(error)
    if (status >= 500) {
      const id = randomUUID()
      log.error('request failed', { id, method: req.method, path: req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      body.error.message = `something went wrong on the server; quote ${id} when reporting it`
    }
    if (!res.headersSent) res.status(status).json(body)
  }
}

function toResponse(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (error instanceof EngineError) return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } }
  if (error instanceof LearningError) return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } }
  if (error instanceof HttpError) return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } }
  if (error instanceof z.ZodError) {
    const problems = error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }))
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message: problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems } } }
  }
  const e = error as { type?: string; status?: number; message?: string }
  if (e?.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'INVALID_JSON', message: `the request body is not valid JSON: ${e.message}` } } }
  }
  if (e?.type === 'entity.too.large') return { status: 413, body: { error: { code: 'TOO_LARGE', message: 'the request body is too large' } } }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return { status: e.status, body: { error: { code: 'BAD_REQUEST', message: e.message ?? 'bad request' } } }
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: '' } } }
}
