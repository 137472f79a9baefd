/**
 * Validates the flow on the server (the only place that knows custom node
 * types) a moment after each edit, and indexes the problems by node, field
 * and edge. Answers to stale requests are dropped. When the server cannot
 * be reached, it tries again every few seconds, so the "could not validate"
 * problem clears by itself once the server answers.
 */
import { useEffect, useRef, useState } from 'react'
import { api, ApiError } from '../api/client'
import type { Flow, Problem } from '../api/types'
import { indexProblems, type ProblemIndex } from './graph/problem-index'

const DELAY_MS = 300
const RETRY_MS = 3000

export function useValidation(flow: Flow): { problems: ProblemIndex; validating: boolean } {
  const [state, setState] = useState(() => ({ problems: indexProblems(flow, []), validating: true }))
  const latest = useRef(0)
  useEffect(() => {
    const ticket = ++latest.current
    setState((s) => (s.validating ? s : { ...s, validating: true }))
    let timer: ReturnType<typeof setTimeout>
    const check = async () => {
      let problems: Problem[]
      try {
        problems = await api.validate(flow)
      } catch (error) {
        problems = [{ path: '$', code: 'schema.invalid', message: `could not validate: ${(error as Error).message}` }]
        const outage = !(error instanceof ApiError) || error.status === 0 || error.status >= 500
        if (outage && ticket === latest.current) timer = setTimeout(check, RETRY_MS)
      }
      if (ticket === latest.current) setState({ problems: indexProblems(flow, problems), validating: false })
    }
    timer = setTimeout(check, DELAY_MS)
    return () => clearTimeout(timer)
  }, [flow])
  return state
}
