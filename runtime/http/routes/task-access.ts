/**
 * Who may see and work which task. Checked on the server for every call,
 * whatever the UI shows:
 * - admins: every task;
 * - reviewers: tasks of their groups (and tasks handed to them by name);
 * - designers and owners: may read every task; designers decide tasks of
 *   test runs only, and may play any reviewer there (X-Inloop-User) to try
 *   four eyes on their own.
 */
import type { Request } from 'express'
import { hasRole, inGroup, type Principal } from '../../auth/roles.js'
import { EngineError } from '../../engine/errors.js'
import type { RunState, TaskState } from '../../engine/state.js'
import { HttpError } from '../errors.js'

export function canReadAllTasks(p: Principal): boolean {
  return hasRole(p, 'designer', 'owner')
}

export function canSeeTask(p: Principal, task: TaskState): boolean {
  return canReadAllTasks(p) || inGroup(p, task.role) || (p.roles.includes('reviewer') && task.assignee === p.username)
}

/** Refuse (403) who may not decide, claim, release or hand on this task. Runs under the run's lock. */
export function assertCanWork(p: Principal, task: TaskState, run: RunState): void {
  if (hasRole(p, 'admin') || inGroup(p, task.role)) return
  if (run.test && hasRole(p, 'designer')) return
  if (p.roles.includes('reviewer') && task.assignee === p.username) return
  throw new EngineError('FORBIDDEN', `${p.username} is not in the group '${task.role}' this task belongs to`)
}

/**
 * The groups a task query may cover: `undefined` for all. A reviewer gets
 * its own groups (403 for asking about another); others any.
 */
export function groupsFor(p: Principal, asked: string | undefined): string[] | undefined {
  if (canReadAllTasks(p)) return asked ? [asked] : undefined
  if (asked) {
    if (!inGroup(p, asked)) throw new HttpError(403, 'FORBIDDEN', `${p.username} is not in the group '${asked}'`)
    return [asked]
  }
  return p.groups
}

/**
 * Who a decision is recorded as: the caller, or on a test run the reviewer a
 * designer plays (`X-Inloop-User`). Elsewhere the header is refused.
 */
export function deciderOf(req: Request, p: Principal, run: RunState | undefined): string {
  const playing = p.via === 'session' ? req.get('x-inloop-user')?.trim() : undefined
  if (!playing || playing === p.username) return p.username
  if (!run?.test || !hasRole(p, 'designer')) {
    throw new HttpError(403, 'FORBIDDEN', 'deciding as someone else (X-Inloop-User) is only for designers trying out a test run')
  }
  if (!/^[\w.@+-]{1,100}$/.test(playing)) throw new HttpError(400, 'BAD_REQUEST', 'X-Inloop-User must be a plain name')
  return playing
}
