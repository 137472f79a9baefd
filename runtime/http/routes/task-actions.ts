/**
 * Working the inbox: claim a task, release it, hand it to another group or
 * person. Each lands in the run's log (task.claimed / task.released /
 * task.reassigned) with who did it.
 */
import { Router, type Request } from 'express'
import { taskRoutes as routes } from '../../../node-types/api/tasks.js'
import { mount } from '../route.js'
import { hasRole, inGroup, NAME_PATTERN, type Principal } from '../../auth/roles.js'
import type { PublicUser } from '../../auth/users.js'
import { claimTask, reassignTask, releaseTask } from '../../engine/task-ops.js'
import type { RunState, TaskState } from '../../engine/state.js'
import { HttpError } from '../errors.js'
import { principalOf } from '../principal.js'
import type { RuntimeContext } from '../runtime-context.js'
import { assertCanWork } from './task-access.js'

export function taskActionRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const actor = (req: Request) => {
    const me = principalOf(req)
    return { me, by: me.username, guard: (task: TaskState, run: RunState) => assertCanWork(me, task, run) }
  }

  mount(router, routes.claim, async ({ params }, req) => {
    const { by, guard } = actor(req)
    return { task: await claimTask(rt.engine, params.id, { by, guard }) }
  })

  mount(router, routes.release, async ({ params }, req) => {
    const { me, by, guard } = actor(req)
    return { task: await releaseTask(rt.engine, params.id, { by, guard, force: hasRole(me, 'admin') }) }
  })

  mount(router, routes.reassign, async ({ params, body }, req) => {
    const { me, by, guard } = actor(req)
    // Read people before the step: the check runs inside it, which must not wait on the store.
    const people = await rt.auth.users.list()
    const check = (task: TaskState, run: RunState) => {
      guard(task, run)
      checkTarget(people, me, body.group ?? task.role, body.assignee)
    }
    return { task: await reassignTask(rt.engine, params.id, { by, guard: check, role: body.group, assignee: body.assignee, reason: body.reason }) }
  })

  return router
}

/** A task goes only where someone can work it: a group with an active reviewer, a person in that group. */
function checkTarget(people: PublicUser[], me: Principal, group: string, assignee: string | undefined): void {
  const reviewers = people.filter((u) => !u.disabled && u.roles.includes('reviewer') && u.groups.includes(group))
  if (assignee !== undefined) {
    const user = people.find((u) => u.username === assignee)
    const canWork = user && !user.disabled && (user.roles.includes('admin') || (user.roles.includes('reviewer') && user.groups.includes(group)))
    if (!canWork) throw new HttpError(422, 'ASSIGNEE_INVALID', `${assignee} is not an active reviewer in the group '${group}'`)
    return
  }
  if (reviewers.length === 0 && !inGroup(me, group)) {
    throw new HttpError(422, 'GROUP_EMPTY', `no active reviewer is in the group '${group}'; the task would reach no one`)
  }
}
