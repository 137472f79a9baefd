/**
 * The what-if for the values on screen, asked again a moment after they stop
 * changing (debounced) so a slider being dragged sends a handful of requests,
 * not one per pixel. An answer to an older question is dropped.
 */
import { useEffect, useRef, useState } from 'react'
import { learningApi } from '../api/learning'
import type { ParamValue, WhatIfResult } from '../api/learning-types'

export const WHAT_IF_DELAY_MS = 200

export interface WhatIfState {
  result: WhatIfResult | null
  /** A newer answer is on its way. */
  pending: boolean
  error: string | null
}

export function useWhatIf(flowId: string, changes: Record<string, ParamValue> | null, minutesPerReview: number): WhatIfState {
  const [state, setState] = useState<WhatIfState>({ result: null, pending: true, error: null })
  const asked = useRef(0)
  const key = changes === null ? null : JSON.stringify(changes)

  useEffect(() => {
    if (key === null) return
    const ask = ++asked.current
    setState((s) => ({ ...s, pending: true }))
    const timer = setTimeout(() => {
      learningApi.whatIf(flowId, JSON.parse(key), minutesPerReview).then(
        (result) => ask === asked.current && setState({ result, pending: false, error: null }),
        (e: Error) => ask === asked.current && setState((s) => ({ ...s, pending: false, error: e.message })),
      )
    }, WHAT_IF_DELAY_MS)
    return () => clearTimeout(timer)
  }, [flowId, key, minutesPerReview])

  return state
}
