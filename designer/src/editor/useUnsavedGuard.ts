/** Asks before the tab closes while there are unsaved edits. */
import { useEffect } from 'react'
import { isDirty, type EditorStore } from './store/editor-store'

export function useUnsavedGuard(store: EditorStore): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty(store.get())) e.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [store])
}
