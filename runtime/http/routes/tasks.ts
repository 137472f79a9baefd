/** The inbox: query tasks and decide them. */
import { Router } from 'express'
import { z } from 'zod'
import { decideTask } from '../../engine/people.js'
import { notFound } from '../errors.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'

const query = z.object({
  status: z.enum(['open', 'decided', 'closed']).optional(),
  runId: z.string().optional(),
  flowId: z.string().optional(),
  role: z.string().optional(),
  sort: z.enum(['due', 'created']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

const json = z.json()
const decisionBody = z.object({
  decision: z.string().min(1).max(100),
  data: z.record(z.string(), json).optional(),
  reason: z.string().max(5000).optional(),
})

export function taskRoutes(rt: RuntimeContext): Router {
  const router = Router()

  router.get('/tasks', async (req, res) => {
    const q = parseQuery(query, req.query)
    const { items, total } = await rt.store.runs.queryTasks({ ...q, roles: q.role ? [q.role] : undefined })
    res.set('x-total-count', String(total)).json(items)
  })

  router.get('/tasks/:id', async (req, res) => {
    const runId = rt.store.runs.runIdForTask(req.params.id)
    const state = runId ? await rt.store.runs.getRun(runId) : undefined
    const task = state?.tasks[req.params.id]
    if (!task) throw notFound(`task '${req.params.id}'`)
    res.json(task)
  })

  router.post('/tasks/:id/decision', async (req, res) => {
    const body = decisionBody.parse(req.body)
    const result = await decideTask(rt.engine, req.params.id, { ...body, data: body.data as never, by: actorOf(req) })
    const run = { id: result.run.id, status: result.run.status, outcome: result.run.outcome }
    if (result.status === 'pending') {
      res.status(202).json({ status: 'pending', approvals: result.approvals, required: result.required, task: result.task, run })
      return
    }
    res.json({ status: 'decided', task: result.task, run })
  })

  return router
}
