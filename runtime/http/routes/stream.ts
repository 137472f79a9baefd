/**
 * The live view's two routes:
 * - `GET /api/stream`: server-sent events of run events, filterable by flow
 *   and run. Resumes after `Last-Event-ID` (or `?lastEventId=`, for the first
 *   connection after a snapshot, which EventSource cannot send as a header).
 * - `GET /api/flows/:id/live`: the flow's live counts now, with the id of the
 *   last event they include — open the stream from that id and nothing is
 *   missed or counted twice.
 */
import { Router } from 'express'
import { z } from 'zod'
import { HttpError, notFound } from '../errors.js'
import type { RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'

const eventId = z.string().regex(/^\d+$/, 'an event id is a whole number').transform(Number)
const query = z.object({ flowId: z.string().optional(), runId: z.string().optional(), lastEventId: eventId.optional() })

export function streamRoutes(rt: RuntimeContext): Router {
  const router = Router()
  router.get('/stream', (req, res) => {
    const { lastEventId: fromQuery, ...filter } = parseQuery(query, req.query)
    // The header wins: on a reconnect the browser sends the newest id there.
    const header = req.get('last-event-id')
    const lastEventId = header && /^\d+$/.test(header) ? Number(header) : fromQuery
    const detach = rt.hub.attach(res, filter, lastEventId)
    req.on('close', detach)
  })

  router.get('/flows/:id/live', async (req, res) => {
    const tracker = rt.hub.live
    if (!tracker) throw new HttpError(501, 'LIVE_UNAVAILABLE', 'this server keeps no live view of flows')
    if (!(await rt.store.flows.getDraft(req.params.id))) throw notFound(`flow '${req.params.id}'`)
    const live = await tracker.flow(req.params.id)
    // Read together, with no await between: the counts include exactly the events up to this id.
    res.json({ ...live.snapshot(), eventId: rt.hub.lastEventId })
  })
  return router
}
