/**
 * Try the flow on the canvas on past runs: sends the draft as it is now
 * (saved or not), keeps the answer and the draft it was for, so the panel can
 * say when the canvas has changed since.
 */
import { useCallback, useState } from 'react'
import { ApiError } from '../../api/client'
import type { Problem } from '../../api/types'
import { replayApi, type ReplayRequest, type ReplayResponse } from '../../api/replay'
import { useEditorContext } from '../EditorContext'
import { flowOf } from '../store/editor-store'

export type ReplayState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: ReplayResponse; flowJson: string }
  | { status: 'failed'; message: string; problems: Problem[] }

export function useReplay() {
  const { store } = useEditorContext()
  const [state, setState] = useState<ReplayState>({ status: 'idle' })
  const run = useCallback(
    async (period: Pick<ReplayRequest, 'from' | 'limit'>) => {
      const flow = flowOf(store.get())
      setState({ status: 'running' })
      try {
        const result = await replayApi.replay(flow.id, { flow: flow as unknown as Record<string, unknown>, ...period })
        setState({ status: 'done', result, flowJson: JSON.stringify(flow) })
      } catch (e) {
        setState({ status: 'failed', message: (e as Error).message, problems: e instanceof ApiError ? e.problems : [] })
      }
    },
    [store],
  )
  return { state, run }
}
