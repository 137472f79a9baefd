/** Try a draft (or another version) on past runs, before publishing it: `POST /api/flows/:id/replay`. */
import { Router } from 'express'
import { replayRequestSchema } from '../../../node-types/api/replay.js'
import type { RuntimeContext } from '../runtime-context.js'

export function replayRoutes(rt: RuntimeContext): Router {
  const router = Router()
  router.post('/flows/:id/replay', async (req, res) => {
    res.json(await rt.learning.service.replay(req.params.id, replayRequestSchema.parse(req.body ?? {})))
  })
  return router
}
