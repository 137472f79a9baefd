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
import { liveRoutes as routes } from '../../../node-types/api/live.js'
import { HttpError, notFound } from '../errors.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function streamRoutes(rt: RuntimeContext): Router {
  const router = Router()
  mount(router, routes.stream, ({ query: { lastEventId: fromQuery, ...filter } }, req, res) => {
    // The header wins: on a reconnect the browser sends the newest id there.
    const header = req.get('last-event-id')
    const lastEventId = header && /^\d+$/.test(header) ? Number(header) : fromQuery
    const detach = rt.hub.attach(res, filter, lastEventId)
    req.on('close', detach)
  })

  mount(router, routes.live, async ({ params }) => {
    const tracker = rt.hub.live
    if (!tracker) throw new HttpError(501, 'LIVE_UNAVAILABLE', 'this server keeps no live view of flows')
    if (!(await rt.store.flows.getDraft(params.id))) throw notFound(`flow '${params.id}'`)
    const live = await tracker.flow(params.id)
    // Read together, with no await between: the counts include exactly the events up to this id.
    return { ...live.snapshot(), eventId: rt.hub.lastEventId }
  })
  return router
}
