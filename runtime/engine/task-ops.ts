/**
 * Working an inbox: a reviewer claims a task (the others see it as taken),
 * releases it back to the group, or hands it to another group or person.
 * Each is an event in the run's log, taken under the run's lock like a
 * decision, so a claim and a decision arriving together are ordered.
 */
import type { Engine } from './engine.js'
import { EngineError } from './errors.js'
import type { RunState, TaskState } from './state.js'

export interface TaskActor {
  by: string
  /** Refuse (throw EngineError 'FORBIDDEN') who may not touch this task; runs under the lock. */
  guard?: (task: TaskState, run: RunState) => void
}

export interface ReassignInput extends TaskActor {
  /** The group to hand it to (default: its group now). */
  role?: string
  /** The person to hand it to; leave out to leave it unclaimed in the group. */
  assignee?: string
  reason?: string
}

/** Take an open task. Claiming one's own task again changes nothing. */
export function claimTask(engine: Engine, taskId: string, actor: TaskActor): Promise<TaskState> {
  return onOpenTask(engine, taskId, actor, (task, { tx }) => {
    if (task.assignee === actor.by) return
    if (task.assignee) {
      throw new EngineError('TASK_CLAIMED', `${task.assignee} has already claimed this task`, { assignee: task.assignee })
    }
    if (task.approvals.some((a) => a.by === actor.by)) {
      throw new EngineError('ALREADY_APPROVED', `${actor.by} has already decided on this task; another reviewer must take it`)
    }
    tx.emit({ type: 'task.claimed', taskId, by: actor.by })
  })
}

/** Give a claimed task back to its group. Only its assignee may, unless `force` (an admin). */
export function releaseTask(engine: Engine, taskId: string, actor: TaskActor & { force?: boolean }): Promise<TaskState> {
  return onOpenTask(engine, taskId, actor, (task, { tx }) => {
    if (!task.assignee) return
    if (task.assignee !== actor.by && !actor.force) {
      throw new EngineError('TASK_CLAIMED', `${task.assignee} has claimed this task; only they or an admin may release it`, { assignee: task.assignee })
    }
    tx.emit({ type: 'task.released', taskId, by: actor.by })
  })
}

/** Hand an open task to another group, or to a person (who then holds it as if claimed). */
export function reassignTask(engine: Engine, taskId: string, input: ReassignInput): Promise<TaskState> {
  return onOpenTask(engine, taskId, input, (task, { tx }) => {
    const role = input.role ?? task.role
    if (role === task.role && input.assignee === task.assignee) return
    if (input.assignee && task.approvals.some((a) => a.by === input.assignee)) {
      throw new EngineError('ALREADY_APPROVED', `${input.assignee} has already decided on this task; hand it to another reviewer`)
    }
    tx.emit({ type: 'task.reassigned', taskId, role, reason: input.reason?.trim() || 'reassigned', by: input.by, assignee: input.assignee })
  })
}

async function onOpenTask(
  engine: Engine,
  taskId: string,
  actor: TaskActor,
  change: (task: TaskState, step: Parameters<Parameters<Engine['withRun']>[1]>[0]) => void,
): Promise<TaskState> {
  const runId = await engine.deps.store.runs.runIdForTask(taskId)
  if (!runId) throw new EngineError('TASK_NOT_FOUND', `task '${taskId}' does not exist`)
  return engine.withRun(runId, async (step) => {
    const task = step.tx.state.tasks[taskId]
    if (!task) throw new EngineError('TASK_NOT_FOUND', `task '${taskId}' does not exist`)
    actor.guard?.(task, step.tx.state)
    if (task.status === 'decided') {
      throw new EngineError('TASK_ALREADY_DECIDED', `task '${taskId}' was already decided '${task.decision!.decision}' by ${task.decision!.by}`, { first: task.decision })
    }
    if (task.status === 'closed') throw new EngineError('TASK_CLOSED', `task '${taskId}' is closed (${task.closedReason})`)
    change(task, step)
    return step.tx.state.tasks[taskId]
  })
}
