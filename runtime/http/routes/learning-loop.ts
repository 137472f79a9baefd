/** The learning loop that closes by itself: its settings, the learning curve, and a check on demand. */
import { Router } from 'express'
import { learningLoopRoutes as routes } from '../../../node-types/api/learning.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function learningLoopRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const loop = rt.learning.loop

  mount(router, routes.overview, ({ params }) => loop.overview(params.id))

  mount(router, routes.saveSettings, ({ params, body }) => loop.saveSettings(params.id, body ?? {}))

  /** Look for new reviewed answers now, instead of after the next one: `201` with the candidates proposed. */
  mount(router, routes.check, async ({ params }) => {
    await rt.learning.parameters.effective(params.id)
    await loop.idle(params.id)
    return loop.check(params.id)
  })

  return router
}
