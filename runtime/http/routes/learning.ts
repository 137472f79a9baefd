/** The learning loop's API: feedback dataset (JSONL), metrics, what-if, retraining. */
import { Router } from 'express'
import { learningRoutes as routes } from '../../../node-types/api/learning.js'
import { mount } from '../route.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function learningRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const learning = rt.learning.service

  mount(router, routes.dataset, async ({ params, query }, _req, res) => {
    const records = await learning.dataset(params.id, query)
    res.type('application/x-ndjson')
    res.setHeader('content-disposition', `attachment; filename="${params.id}-feedback.jsonl"`)
    res.send(records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''))
  })

  mount(router, routes.metrics, ({ params, query }) => learning.metrics(params.id, query))

  mount(router, routes.whatIf, ({ params, body }) => learning.whatIf(params.id, body ?? { parameters: {} }))

  mount(router, routes.retrain, async ({ params, body = {} }, req) => learning.retrain(params.id, { nodeId: body.node, labels: body.labels, reason: body.reason, by: actorOf(req) }))

  return router
}
