/** Customer links (public, by token) and the outbox of messages sent. */
import { Router } from 'express'
import { customerRoutes as routes } from '../../../node-types/api/customer.js'
import { answerCustomer, assertAnswerable, findRequest } from '../../engine/people.js'
import { outboxViews } from '../../notify/outbox-view.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function customerRoutes(rt: RuntimeContext): Router {
  const router = Router()

  mount(router, routes.view, async ({ params }, _req, res) => {
    const request = await findRequest(rt.engine, params.token)
    assertAnswerable(request, rt.engine.deps.clock.now())
    const { subject, message, kind, answers, options, fields, expiresAt } = request.request
    res.set('cache-control', 'no-store')
    return { subject, message, kind, answers, options, fields, expiresAt }
  })

  mount(router, routes.answer, async ({ params, body }) => {
    await answerCustomer(rt.engine, params.token, { answer: body.answer, data: body.data as never })
    return { ok: true as const, answer: body.answer }
  })

  mount(router, routes.outbox, async ({ query }, _req, res) => {
    const messages = await rt.store.runs.listOutbox(query)
    res.set('cache-control', 'no-store')
    return outboxViews(messages, rt.store.runs, rt.engine.deps.links, rt.publicUrl)
  })

  return router
}
