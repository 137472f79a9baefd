/**
 * Runs the current draft as a test and follows it: polls the run, its
 * events, its open tasks and its outbox until it ends, and lets the panel
 * answer for the people it waits on.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError } from '../../api/client'
import type { Flow, OutboxMessage, Problem, RunEvent, RunInfo, TaskInfo } from '../../api/types'

export interface TestRunState {
  runId: string | null
  run: RunInfo | null
  events: RunEvent[]
  tasks: TaskInfo[]
  outbox: OutboxMessage[]
  error: string | null
  problems: Problem[]
  starting: boolean
}

const IDLE: TestRunState = { runId: null, run: null, events: [], tasks: [], outbox: [], error: null, problems: [], starting: false }
const POLL_MS = 350
const FINISHED = new Set(['completed', 'failed', 'cancelled'])

export function useTestRun() {
  const [state, setState] = useState<TestRunState>(IDLE)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const current = useRef<string | null>(null)

  const poll = useCallback(async (runId: string) => {
    if (current.current !== runId) return
    try {
      const [run, events] = await Promise.all([api.run(runId), api.runEvents(runId)])
      const waiting = run.status === 'waiting'
      const [tasks, outbox] = waiting ? await Promise.all([api.openTasks(runId), api.outbox(runId)]) : [[], []]
      if (current.current !== runId) return
      setState((s) => ({ ...s, run, events, tasks, outbox, error: null }))
      if (!FINISHED.has(run.status)) timer.current = setTimeout(() => void poll(runId), waiting ? POLL_MS * 3 : POLL_MS)
    } catch (e) {
      setState((s) => ({ ...s, error: (e as Error).message }))
      timer.current = setTimeout(() => void poll(runId), 2000)
    }
  }, [])

  const start = useCallback(
    async (flow: Flow, input: unknown) => {
      clearTimeout(timer.current)
      current.current = null
      setState({ ...IDLE, starting: true })
      try {
        const { runId } = await api.startTestRun(flow.id, input, flow)
        current.current = runId
        setState({ ...IDLE, runId })
        void poll(runId)
      } catch (e) {
        setState({ ...IDLE, error: (e as Error).message, problems: e instanceof ApiError ? e.problems : [] })
      }
    },
    [poll],
  )

  /** After answering for a person, look again at once. */
  const refresh = useCallback(() => {
    clearTimeout(timer.current)
    if (current.current) void poll(current.current)
  }, [poll])

  const reset = useCallback(() => {
    clearTimeout(timer.current)
    current.current = null
    setState(IDLE)
  }, [])

  useEffect(() => () => clearTimeout(timer.current), [])
  return { state, start, refresh, reset }
}
