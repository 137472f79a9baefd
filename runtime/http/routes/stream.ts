/** `GET /api/stream`: server-sent events of run events, filterable by flow and run. */
import { Router } from 'express'
import { z } from 'zod'
import type { RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'

const query = z.object({ flowId: z.string().optional(), runId: z.string().optional() })

export function streamRoutes(rt: RuntimeContext): Router {
  const router = Router()
  router.get('/stream', (req, res) => {
    const filter = parseQuery(query, req.query)
    const header = req.get('last-event-id')
    const lastEventId = header && /^\d+$/.test(header) ? Number(header) : undefined
    const detach = rt.hub.attach(res, filter, lastEventId)
    req.on('close', detach)
  })
  return router
}
