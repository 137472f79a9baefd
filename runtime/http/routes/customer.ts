/** Customer links (public, by token) and the outbox of messages sent. */
import { Router } from 'express'
import { z } from 'zod'
import { answerCustomer, assertAnswerable, findRequest } from '../../engine/people.js'
import { outboxViews } from '../../notify/outbox-view.js'
import type { RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'

const answerBody = z.object({ answer: z.string().min(1).max(100), data: z.record(z.string(), z.json()).optional() })
const outboxQuery = z.object({
  runId: z.string().optional(),
  flowId: z.string().optional(),
  purpose: z.enum(['request', 'reminder', 'notice']).optional(),
  to: z.string().max(320).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export function customerRoutes(rt: RuntimeContext): Router {
  const router = Router()

  router.get('/customer/:token', async (req, res) => {
    const request = await findRequest(rt.engine, req.params.token)
    assertAnswerable(request, rt.engine.deps.clock.now())
    const { subject, message, kind, answers, options, fields, expiresAt } = request.request
    res.set('cache-control', 'no-store').json({ subject, message, kind, answers, options, fields, expiresAt })
  })

  router.post('/customer/:token', async (req, res) => {
    const body = answerBody.parse(req.body)
    await answerCustomer(rt.engine, req.params.token, { answer: body.answer, data: body.data as never })
    res.json({ ok: true, answer: body.answer })
  })

  router.get('/outbox', async (req, res) => {
    const messages = await rt.store.runs.listOutbox(parseQuery(outboxQuery, req.query))
    res.set('cache-control', 'no-store').json(await outboxViews(messages, rt.store.runs, rt.engine.deps.links, rt.publicUrl))
  })

  return router
}
