/**
 * Sending a decision: checks the form first (typed fields, the reason an
 * override needs), then reports the outcome — decided, waiting for a second
 * reviewer, or why not — and moves on to the next task.
 */
import { useState } from 'react'
import { ApiError } from '../api/client'
import { inboxApi } from '../api/inbox'
import type { TaskDetail } from '../api/inbox-types'
import { humanize } from '../ui/format'
import { toast } from '../ui/toast-store'
import { corrections, needsReason, type Draft } from './decision'
import { goToNextTask } from './next-task'
import { describeTaskError, isStale } from './task-errors'

export interface DecideState {
  busy: string | null
  error: string | null
  reasonError: string | null
  fieldErrors: Record<string, string>
}

/**
 * `onStale` gets the message when the task changed under the reviewer (decided
 * or claimed by someone else): the page shows it and loads the task again.
 */
export function useDecide(task: TaskDetail, me: string | undefined, nameOf: (u: string) => string, onStale: (message: string) => void) {
  const [state, setState] = useState<DecideState>({ busy: null, error: null, reasonError: null, fieldErrors: {} })

  const overrideMessage = (decision: string) =>
    `The AI proposed ${humanize(task.proposedDecision ?? '')}. Say why you decide ${humanize(decision)} instead.`

  async function decide(decision: string, draft: Draft, reason: string): Promise<'sent' | 'reason' | 'fields' | 'failed'> {
    const { data, errors } = corrections(task.form, draft)
    if (Object.keys(errors).length > 0) {
      setState({ busy: null, error: 'Some fields need a look before you decide.', reasonError: null, fieldErrors: errors })
      return 'fields'
    }
    if (needsReason(task.proposedDecision, decision) && !reason.trim()) {
      setState({ busy: null, error: null, reasonError: overrideMessage(decision), fieldErrors: {} })
      return 'reason'
    }
    setState({ busy: decision, error: null, reasonError: null, fieldErrors: {} })
    try {
      const body = { decision, ...(Object.keys(data).length ? { data } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) }
      const result = await inboxApi.decide(task.id, body)
      if (result.status === 'pending') {
        toast(`${humanize(decision)} recorded: ${result.approvals} of ${result.required} approvals. Another reviewer has to decide too.`, 'success', 6000)
      } else {
        toast(`Decided ${humanize(decision)}: “${task.title}”`, 'success')
      }
      await goToNextTask(task.id, me)
      return 'sent'
    } catch (e) {
      const reasonNeeded = e instanceof ApiError && e.code === 'REASON_REQUIRED'
      const message = describeTaskError(e, nameOf)
      setState({ busy: null, error: reasonNeeded || isStale(e) ? null : message, reasonError: reasonNeeded ? overrideMessage(decision) : null, fieldErrors: {} })
      if (isStale(e)) onStale(message)
      return reasonNeeded ? 'reason' : 'failed'
    }
  }

  return { ...state, decide }
}
