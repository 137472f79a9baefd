/**
 * The Monaco kit once loaded, `null` until then. Asking starts the load
 * when the browser is idle, so what is on screen draws first.
 */
import { useEffect, useState } from 'react'
import { loadMonaco, monacoIfLoaded, type MonacoKit } from './load-monaco'

export function useMonaco(): MonacoKit | null {
  const [kit, setKit] = useState<MonacoKit | null>(monacoIfLoaded)
  useEffect(() => {
    if (kit) return
    let live = true
    const start = () => loadMonaco().then((k) => live && setKit(() => k), () => {})
    const idle = window.requestIdleCallback?.(start, { timeout: 400 }) ?? window.setTimeout(start, 50)
    return () => {
      live = false
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle)
      else clearTimeout(idle)
    }
  }, [kit])
  return kit
}
