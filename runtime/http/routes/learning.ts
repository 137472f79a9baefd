/** The learning loop's API: feedback dataset (JSONL), metrics, what-if, retraining. */
import { Router } from 'express'
import { z } from 'zod'
import { parseQuery } from '../parse.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'
import { parameterValues } from './parameters.js'

const iso = z.string().datetime({ offset: true })
const period = z.object({ from: iso.optional(), to: iso.optional() })
const whatIfBody = period.extend({ parameters: parameterValues, minutesPerReview: z.number().positive().max(24 * 60).optional() })
const retrainBody = z
  .object({
    node: z.string().min(1).max(100).optional(),
    labels: z.record(z.string().max(100), z.string().min(1).max(100)).optional(),
    reason: z.string().max(2000).optional(),
  })
  .optional()

export function learningRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const learning = rt.learning.service

  router.get('/flows/:id/dataset', async (req, res) => {
    const records = await learning.dataset(req.params.id, parseQuery(period, req.query))
    res.type('application/x-ndjson')
    res.setHeader('content-disposition', `attachment; filename="${req.params.id}-feedback.jsonl"`)
    res.send(records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''))
  })

  router.get('/flows/:id/metrics', async (req, res) => {
    res.json(await learning.metrics(req.params.id, parseQuery(period, req.query)))
  })

  router.post('/flows/:id/what-if', async (req, res) => {
    res.json(await learning.whatIf(req.params.id, whatIfBody.parse(req.body ?? {})))
  })

  router.post('/flows/:id/retrain', async (req, res) => {
    const body = retrainBody.parse(req.body ?? undefined) ?? {}
    res.status(201).json(await learning.retrain(req.params.id, { nodeId: body.node, labels: body.labels, reason: body.reason, by: actorOf(req) }))
  })

  return router
}
