/**
 * The inbox: query tasks (a reviewer sees its groups' only), read one with
 * its run's context, and decide it. Claim, release and reassign are in
 * task-actions.ts; who may do what is task-access.ts.
 */
import { Router } from 'express'
import { z } from 'zod'
import { decideTask } from '../../engine/people.js'
import { HttpError, notFound } from '../errors.js'
import { principalOf } from '../principal.js'
import type { RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'
import { assertCanWork, canSeeTask, deciderOf, groupsFor } from './task-access.js'
import { dueRange, taskDetail } from './task-view.js'

const iso = z.iso.datetime({ offset: true })
const query = z.object({
  status: z.enum(['open', 'decided', 'closed']).optional(),
  runId: z.string().optional(),
  flowId: z.string().optional(),
  /** The reviewer group (`role` is its older name). */
  group: z.string().optional(),
  role: z.string().optional(),
  /** `me`, `none` (unclaimed) or a username. */
  assignee: z.string().min(1).max(100).optional(),
  /** `overdue` (due before now), `today` (due before the end of today, UTC), `week` (due within 7 days). */
  due: z.enum(['overdue', 'today', 'week']).optional(),
  dueBefore: iso.optional(),
  dueAfter: iso.optional(),
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
    const me = principalOf(req)
    const { group, role, assignee, due, dueBefore, dueAfter, ...q } = parseQuery(query, req.query)
    const roles = groupsFor(me, group ?? role)
    const range = dueRange(due, rt.engine.deps.clock.now(), { dueBefore, dueAfter })
    const who = assignee === undefined ? undefined : assignee === 'none' ? null : assignee === 'me' ? me.username : assignee
    const { items, total } = roles?.length === 0 ? { items: [], total: 0 } : await rt.store.runs.queryTasks({ ...q, ...range, roles, assignee: who })
    res.set('x-total-count', String(total)).json(items)
  })

  router.get('/tasks/:id', async (req, res) => {
    const runId = await rt.store.runs.runIdForTask(req.params.id)
    const state = runId ? await rt.store.runs.getRun(runId) : undefined
    const task = state?.tasks[req.params.id]
    if (!state || !task) throw notFound(`task '${req.params.id}'`)
    const me = principalOf(req)
    if (!canSeeTask(me, task)) throw new HttpError(403, 'FORBIDDEN', `${me.username} is not in the group '${task.role}' this task belongs to`)
    res.json(await taskDetail(rt, state, task))
  })

  router.post('/tasks/:id/decision', async (req, res) => {
    const body = decisionBody.parse(req.body)
    const me = principalOf(req)
    const runId = await rt.store.runs.runIdForTask(req.params.id)
    const by = deciderOf(req, me, runId ? await rt.store.runs.getRun(runId) : undefined)
    const guard = (task: Parameters<typeof assertCanWork>[1], run: Parameters<typeof assertCanWork>[2]) => assertCanWork(me, task, run)
    const result = await decideTask(rt.engine, req.params.id, { ...body, data: body.data as never, by, guard })
    const run = { id: result.run.id, status: result.run.status, outcome: result.run.outcome }
    if (result.status === 'pending') {
      res.status(202).json({ status: 'pending', approvals: result.approvals, required: result.required, task: result.task, run })
      return
    }
    res.json({ status: 'decided', task: result.task, run })
  })

  return router
}
