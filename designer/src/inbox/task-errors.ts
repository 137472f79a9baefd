/** What went wrong with a task action, in a sentence for the reviewer (the server's codes, made readable). */
import { ApiError } from '../api/client'
import type { TaskDecision } from '../api/inbox-types'
import { timeAgo } from '../ui/format'
import { humanize } from '../ui/format'

const sentence = (text: string) => {
  const t = text.trim()
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.')
}

export function describeTaskError(error: unknown, nameOf: (u: string) => string = (u) => u): string {
  if (!(error instanceof ApiError)) return sentence((error as Error)?.message ?? String(error))
  const d = error.details
  switch (error.code) {
    case 'TASK_ALREADY_DECIDED': {
      const first = d.first as TaskDecision | undefined
      if (!first) return sentence(error.message)
      const reason = first.reason ? ` (“${first.reason}”)` : ''
      return `Already decided: ${humanize(first.decision)} by ${nameOf(first.by)}, ${timeAgo(first.at)}${reason}. Your decision was not recorded.`
    }
    case 'TASK_CLAIMED':
      return `${nameOf(String(d.assignee ?? 'Someone'))} has claimed this task. Ask them to release it, or have it reassigned.`
    case 'SELF_APPROVAL':
      return 'You requested this run, so you may not approve it. Another reviewer has to.'
    case 'ALREADY_APPROVED':
      return 'You have already approved this task. A second reviewer has to decide now.'
    case 'TASK_CLOSED':
      return 'This task is closed; there is nothing left to decide.'
    case 'FORBIDDEN':
      return `${sentence(error.message)} You can only work tasks of your groups.`
    case 'NOT_FOUND':
    case 'TASK_NOT_FOUND':
      return 'This task does not exist (any more).'
    default:
      return sentence(error.message)
  }
}

/** Errors after which the task on screen is out of date and should be loaded again. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && ['TASK_ALREADY_DECIDED', 'TASK_CLAIMED', 'TASK_CLOSED', 'ALREADY_APPROVED'].includes(error.code)
}
