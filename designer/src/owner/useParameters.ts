/**
 * A flow's parameters and their version history, loaded together and
 * reloaded after every change (save, approve, reject, rollback, policy).
 * Loads again when the user signs in (session epoch).
 */
import { useCallback, useEffect, useState } from 'react'
import { learningApi } from '../api/learning'
import type { FlowParameters, ParameterVersion } from '../api/learning-types'
import { useSession } from '../app/session'

export interface ParametersState {
  data: FlowParameters | null
  versions: ParameterVersion[]
  error: { code: string; message: string } | null
  reload(): Promise<void>
}

export function useParameters(flowId: string): ParametersState {
  const { epoch, signedOut } = useSession()
  const [data, setData] = useState<FlowParameters | null>(null)
  const [versions, setVersions] = useState<ParameterVersion[]>([])
  const [error, setError] = useState<ParametersState['error']>(null)

  const reload = useCallback(async () => {
    try {
      const [parameters, history] = await Promise.all([learningApi.parameters(flowId), learningApi.versions(flowId)])
      setData(parameters)
      setVersions(history)
      setError(null)
    } catch (e) {
      setError({ code: (e as { code?: string }).code ?? 'error', message: (e as Error).message })
    }
  }, [flowId])

  useEffect(() => {
    if (!signedOut) void reload()
  }, [reload, epoch, signedOut])

  return { data, versions, error, reload }
}
