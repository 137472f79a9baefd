/**
 * The express app: JSON parsing with clear errors, the API key check, the
 * routers, the built designer (with client-side routes) and one error
 * handler that never leaks a stack trace.
 */
import express, { type Express } from 'express'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { requireApiKey } from './auth.js'
import { errorHandler, HttpError } from './errors.js'
import { customerRoutes } from './routes/customer.js'
import { flowRoutes } from './routes/flows.js'
import { metaRoutes } from './routes/meta.js'
import { runRoutes } from './routes/runs.js'
import { streamRoutes } from './routes/stream.js'
import { taskRoutes } from './routes/tasks.js'
import type { RuntimeContext } from './runtime-context.js'
import { rejectForbiddenKeys } from './safe-json.js'

export function createApp(rt: RuntimeContext, options: { designerDir?: string } = {}): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')

  const api = express.Router()
  // The key is checked before the body is read: a caller without it gets 401, not a parse of 5 MB.
  api.use(requireApiKey(rt.apiKey))
  api.use(express.json({ limit: '5mb', strict: false, type: ['application/json', 'application/*+json'] }))
  api.use(rejectForbiddenKeys)
  for (const routes of [metaRoutes, flowRoutes, runRoutes, taskRoutes, customerRoutes, streamRoutes]) api.use(routes(rt))
  api.use((req, _res, next) => next(new HttpError(404, 'NOT_FOUND', `no API route ${req.method} /api${req.path}`)))
  app.use('/api', api)

  const dir = options.designerDir
  if (dir && existsSync(join(dir, 'index.html'))) {
    app.use(express.static(dir, { index: false, maxAge: '1h' }))
    const portal = join(dir, 'portal.html')
    app.get('/c/{*token}', (_req, res) => res.sendFile(existsSync(portal) ? portal : join(dir, 'index.html')))
    app.get('/{*path}', (_req, res) => res.sendFile(join(dir, 'index.html')))
  }
  app.use(errorHandler(rt.log))
  return app
}
