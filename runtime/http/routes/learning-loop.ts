/** The learning loop that closes by itself: its settings, the learning curve, and a check on demand. */
import { Router } from 'express'
import { learningSettingsUpdateSchema } from '../../../node-types/api/learning-loop.js'
import type { RuntimeContext } from '../runtime-context.js'

export function learningLoopRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const loop = rt.learning.loop

  router.get('/flows/:id/learning', async (req, res) => {
    res.json(await loop.overview(req.params.id))
  })

  router.put('/flows/:id/learning', async (req, res) => {
    res.json(await loop.saveSettings(req.params.id, learningSettingsUpdateSchema.parse(req.body ?? {})))
  })

  /** Look for new reviewed answers now, instead of after the next one: `201` with the candidates proposed. */
  router.post('/flows/:id/learning/check', async (req, res) => {
    await rt.learning.parameters.effective(req.params.id)
    await loop.idle(req.params.id)
    res.status(201).json(await loop.check(req.params.id))
  })

  return router
}
