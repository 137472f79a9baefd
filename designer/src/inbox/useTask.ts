/** One task with its page's context (`GET /api/tasks/:id`), read again on focus and every 15 s so a colleague's decision shows. */
import { useCallback, useState } from 'react'
import { ApiError } from '../api/client'
import { inboxApi } from '../api/inbox'
import type { TaskDetail } from '../api/inbox-types'
import { usePolling } from './usePolling'

export interface TaskState {
  task: TaskDetail | null
  error: ApiError | Error | null
}

export function useTask(id: string): TaskState & { reload(): void } {
  const [state, setState] = useState<TaskState>({ task: null, error: null })
  const load = useCallback(() => {
    inboxApi.task(id).then(
      (task) => setState({ task, error: null }),
      (error: Error) => setState((s) => ({ task: s.task, error })),
    )
  }, [id])
  usePolling(load, 15_000, [load])
  return { ...state, reload: load }
}
