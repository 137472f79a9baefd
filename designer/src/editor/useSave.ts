/**
 * Saving and publishing. A failed save keeps every edit in the editor and
 * says why; the status line reads saved / unsaved changes / saving / error.
 */
import { useCallback, useState } from 'react'
import { api, ApiError } from '../api/client'
import type { Problem } from '../api/types'
import { flowOf, type EditorStore } from './store/editor-store'
import { toast } from '../ui/toast-store'

export interface SaveApi {
  saving: boolean
  error: string | null
  latestVersion: number
  publishing: boolean
  save(): Promise<boolean>
  /** Saves, then publishes the draft with a note saying what changed. */
  publish(note: string): Promise<number | null>
  publishProblems: Problem[]
}

export function useSave(store: EditorStore, initialVersion: number): SaveApi {
  const [saving, setSaving] = useState(false)
  const [publishing, setPublishing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [latestVersion, setLatestVersion] = useState(initialVersion)
  const [publishProblems, setPublishProblems] = useState<Problem[]>([])

  const save = useCallback(async () => {
    const flow = flowOf(store.get())
    setSaving(true)
    try {
      await api.saveFlow(flow)
      store.dispatch({ type: 'saved', flow })
      setError(null)
      return true
    } catch (e) {
      const message = e instanceof ApiError && e.problems.length > 0 ? `${e.message}: ${e.problems[0].message}` : (e as Error).message
      setError(message)
      toast(`Not saved — your edits are kept. The server said: ${message}`, 'error')
      return false
    } finally {
      setSaving(false)
    }
  }, [store])

  const publish = useCallback(async (note: string) => {
    setPublishing(true)
    try {
      if (!(await save())) return null
      const { version } = await api.publish(flowOf(store.get()).id, note)
      setLatestVersion(version)
      store.dispatch({ type: 'published', version })
      setPublishProblems([])
      toast(`Published version ${version}`, 'success')
      return version
    } catch (e) {
      if (e instanceof ApiError) setPublishProblems(e.problems)
      toast(`Not published: ${(e as Error).message}`, 'error')
      return null
    } finally {
      setPublishing(false)
    }
  }, [save, store])

  return { saving, error, latestVersion, publishing, save, publish, publishProblems }
}
