/**
 * The express app: who is calling and may they (sessions, API keys, roles),
 * JSON parsing with clear errors, the routers, the built pages (designer,
 * sign-in, customer portal) and one error handler that never leaks a stack
 * trace.
 */
import express, { type Express } from 'express'
import { authenticate } from './authenticate.js'
import { errorHandler, HttpError } from './errors.js'
import { metaRoutes as metaApi } from '../../node-types/api/meta.js'
import { designerPageFor, pageRoutes } from './pages.js'
import { mount } from './route.js'
import { auditRoutes } from './routes/audit.js'
import { authRoutes } from './routes/auth.js'
import { credentialRoutes } from './routes/credentials.js'
import { customerRoutes } from './routes/customer.js'
import { flowRoutes } from './routes/flows.js'
import { learningRoutes } from './routes/learning.js'
import { metaRoutes } from './routes/meta.js'
import { parameterRoutes } from './routes/parameters.js'
import { replayRoutes } from './routes/replay.js'
import { learningLoopRoutes } from './routes/learning-loop.js'
import { nodeTypeRoutes } from './routes/node-types.js'
import { runRoutes } from './routes/runs.js'
import { streamRoutes } from './routes/stream.js'
import { taskActionRoutes } from './routes/task-actions.js'
import { taskFilterRoutes } from './routes/task-filters.js'
import { taskRoutes } from './routes/tasks.js'
import { userRoutes } from './routes/users.js'
import type { RuntimeContext } from './runtime-context.js'
import { rejectForbiddenKeys } from './safe-json.js'

export function createApp(rt: RuntimeContext, options: { designerDir?: string } = {}): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  // Behind a reverse proxy, INLOOP_TRUST_PROXY (e.g. `loopback` or `1`) lets req.secure and req.ip see the client.
  const trust = process.env.INLOOP_TRUST_PROXY
  if (trust) app.set('trust proxy', /^\d+$/.test(trust) ? Number(trust) : trust)

  const api = express.Router()
  // Who is calling is checked before the body is read: a caller without a session or key gets 401, not a parse of 5 MB.
  // The API reference is a page of the designer: it signs a browser in like the other pages, so it comes before the API's own check.
  const docsPage = designerPageFor(rt.auth, options.designerDir)
  if (docsPage) {
    mount(api, metaApi.docs, (_input, req, res) =>
      docsPage(req, res, (error?: unknown) => {
        if (error) throw error
      }),
    )
  }
  api.use(authenticate(rt.auth))
  api.use(express.json({ limit: '5mb', strict: false, type: ['application/json', 'application/*+json'] }))
  api.use(rejectForbiddenKeys)
  api.use(metaRoutes(rt, api))
  for (const routes of [authRoutes, userRoutes, credentialRoutes, nodeTypeRoutes, flowRoutes, parameterRoutes, learningRoutes, learningLoopRoutes, replayRoutes, runRoutes, auditRoutes, taskFilterRoutes, taskRoutes, taskActionRoutes, customerRoutes, streamRoutes]) api.use(routes(rt))
  api.use((req, _res, next) => next(new HttpError(404, 'NOT_FOUND', `no API route ${req.method} /api${req.path}`)))
  app.use('/api', api)

  app.use(pageRoutes(rt.auth, options.designerDir))
  app.use(errorHandler(rt.log))
  return app
}
