/**
 * The inbox: query tasks (a reviewer sees its groups' only), read one with
 * its run's context, and decide it. Claim, release and reassign are in
 * task-actions.ts; who may do what is task-access.ts.
 */
import { Router } from 'express'
import { taskRoutes as routes } from '../../../node-types/api/tasks.js'
import { decideTask } from '../../engine/people.js'
import { HttpError, notFound } from '../errors.js'
import { principalOf } from '../principal.js'
import type { RuntimeContext } from '../runtime-context.js'
import { mount } from '../route.js'
import { assertCanWork, canSeeTask, deciderOf, groupsFor } from './task-access.js'
import { dueRange, taskDetail } from './task-view.js'

export function taskRoutes(rt: RuntimeContext): Router {
  const router = Router()

  mount(router, routes.list, async ({ query }, req, res) => {
    const me = principalOf(req)
    const { group, role, assignee, due, dueBefore, dueAfter, ...q } = query
    const roles = groupsFor(me, group ?? role)
    const range = dueRange(due, rt.engine.deps.clock.now(), { dueBefore, dueAfter })
    const who = assignee === undefined ? undefined : assignee === 'none' ? null : assignee === 'me' ? me.username : assignee
    const { items, total } = roles?.length === 0 ? { items: [], total: 0 } : await rt.store.runs.queryTasks({ ...q, ...range, roles, assignee: who })
    res.set('x-total-count', String(total))
    return items
  })

  mount(router, routes.get, async ({ params }, req) => {
    const runId = await rt.store.runs.runIdForTask(params.id)
    const state = runId ? await rt.store.runs.getRun(runId) : undefined
    const task = state?.tasks[params.id]
    if (!state || !task) throw notFound(`task '${params.id}'`)
    const me = principalOf(req)
    if (!canSeeTask(me, task)) throw new HttpError(403, 'FORBIDDEN', `${me.username} is not in the group '${task.role}' this task belongs to`)
    return taskDetail(rt, state, task)
  })

  mount(router, routes.decide, async ({ params, body }, req, res) => {
    const me = principalOf(req)
    const runId = await rt.store.runs.runIdForTask(params.id)
    const by = deciderOf(req, me, runId ? await rt.store.runs.getRun(runId) : undefined)
    const guard = (task: Parameters<typeof assertCanWork>[1], run: Parameters<typeof assertCanWork>[2]) => assertCanWork(me, task, run)
    const result = await decideTask(rt.engine, params.id, { ...body, data: body.data as never, by, guard })
    const run = { id: result.run.id, status: result.run.status, outcome: result.run.outcome }
    if (result.status === 'pending') {
      res.status(202)
      return { status: 'pending' as const, approvals: result.approvals, required: result.required, task: result.task, run }
    }
    return { status: 'decided' as const, task: result.task, run }
  })

  return router
}
