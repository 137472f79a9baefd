/** Loads the two flows to compare (a published version, or the draft as it is on the canvas) and diffs them. */
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../api/client'
import type { Flow } from '../../api/types'
import { useEditorContext, type VersionRef } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { diffFlows, type FlowDiff } from './flow-diff'

export type Compared = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; left: Flow; right: Flow; diff: FlowDiff }

export const versionLabel = (v: VersionRef): string => (v === 'draft' ? 'Draft' : `v${v}`)

export function useCompareFlows(left: VersionRef, right: VersionRef): Compared {
  const { store } = useEditorContext()
  const [flows, setFlows] = useState<{ left: Flow; right: Flow } | { error: string } | null>(null)
  useEffect(() => {
    let live = true
    setFlows(null)
    const id = flowOf(store.get()).id
    const load = (v: VersionRef) => (v === 'draft' ? Promise.resolve(flowOf(store.get())) : api.version(id, v))
    Promise.all([load(left), load(right)]).then(
      ([l, r]) => live && setFlows({ left: l, right: r }),
      (e: Error) => live && setFlows({ error: e.message }),
    )
    return () => {
      live = false
    }
  }, [store, left, right])
  return useMemo<Compared>(() => {
    if (!flows) return { status: 'loading' }
    if ('error' in flows) return { status: 'error', message: flows.error }
    return { status: 'ready', ...flows, diff: diffFlows(flows.left, flows.right) }
  }, [flows])
}
