/**
 * Calls `load` now, every `ms` while the tab is visible, and again when the
 * window regains focus. Reviewers may not open the live event stream, so the
 * inbox keeps itself current this way.
 */
import { useEffect, useRef } from 'react'

export function usePolling(load: () => void, ms: number, deps: unknown[]): void {
  const latest = useRef(load)
  latest.current = load
  useEffect(() => {
    latest.current()
    const tick = () => document.visibilityState === 'visible' && latest.current()
    const timer = setInterval(tick, ms)
    window.addEventListener('focus', tick)
    document.addEventListener('visibilitychange', tick)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', tick)
      document.removeEventListener('visibilitychange', tick)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ms, ...deps])
}
