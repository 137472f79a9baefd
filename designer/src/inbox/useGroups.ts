/**
 * Reviewer groups and their members (`GET /api/groups`): for handing a task
 * on, the group filter, and showing people by name rather than username.
 */
import { useEffect, useMemo, useState } from 'react'
import { inboxApi } from '../api/inbox'
import type { Group } from '../api/inbox-types'

export interface Groups {
  groups: Group[]
  nameOf(username: string | undefined): string
}

export function useGroups(): Groups {
  const [groups, setGroups] = useState<Group[]>([])
  useEffect(() => {
    let live = true
    inboxApi.groups().then(
      (g) => live && setGroups(g),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])
  return useMemo(() => {
    const names = new Map(groups.flatMap((g) => g.members.map((m) => [m.username, m.name || m.username] as const)))
    return { groups, nameOf: (u: string | undefined) => (u ? (names.get(u) ?? u) : '') }
  }, [groups])
}
