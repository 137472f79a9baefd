/** Flow ids to names (`GET /api/flows`), for the flow filter and the list rows. */
import { useEffect, useState } from 'react'
import { api } from '../api/client'

export function useFlowNames(): { id: string; name: string }[] {
  const [flows, setFlows] = useState<{ id: string; name: string }[]>([])
  useEffect(() => {
    let live = true
    api.listFlows().then(
      (list) => live && setFlows(list.map((f) => ({ id: f.id, name: f.name })).sort((a, b) => a.name.localeCompare(b.name))),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])
  return flows
}
