/** The flow's display name for a page header (its id until known). */
import { useEffect, useState } from 'react'
import { api } from '../api/client'

export function useFlowName(flowId: string): string {
  const [name, setName] = useState(flowId)
  useEffect(() => {
    let live = true
    api.getFlow(flowId).then(
      (r) => live && setName(r.flow.name),
      () => {},
    )
    return () => {
      live = false
    }
  }, [flowId])
  return name
}
