/** Loads the flow list and reloads it after a change. */
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import type { FlowSummary } from '../api/types'
import { useSession } from '../app/session'

export function useFlowList() {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      const list = await api.listFlows()
      setFlows([...list].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '')))
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [])
  const { epoch } = useSession()
  useEffect(() => {
    void reload()
  }, [reload, epoch])
  return { flows, error, reload }
}
