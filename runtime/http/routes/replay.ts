/** Try a draft (or another version) on past runs, before publishing it: `POST /api/flows/:id/replay`. */
import { Router } from 'express'
import { replayRoutes as routes } from '../../../node-types/api/replay.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function replayRoutes(rt: RuntimeContext): Router {
  const router = Router()
  mount(router, routes.replay, ({ params, body }) => rt.learning.service.replay(params.id, body ?? {}))
  return router
}
