/** The flows and groups this person's inbox can be filtered by (`GET /api/tasks/filters`): only what they can see. */
import { useEffect, useState } from 'react'
import { inboxApi } from '../api/inbox'
import type { TaskFilters } from '../../../node-types/api/inbox'

export function useTaskFilters(): TaskFilters {
  const [choices, setChoices] = useState<TaskFilters>({ flows: [], groups: [] })
  useEffect(() => {
    let live = true
    inboxApi.filters().then(
      (c) => live && setChoices(c),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])
  return choices
}
