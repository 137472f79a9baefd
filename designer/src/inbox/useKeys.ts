/**
 * Single-key shortcuts for a page (`j`, `k`, `1`, `?`…). They stay quiet
 * while the reviewer types in a field, holds a modifier, or has a dialog
 * open; Escape in a field only leaves the field.
 */
import { useEffect, useRef } from 'react'

export type KeyHandlers = Record<string, (e: KeyboardEvent) => void>

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  if (el.isContentEditable) return true
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)
}

export function useKeys(handlers: KeyHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || document.querySelector('dialog[open]')) return
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur()
        return
      }
      // Enter on a button or link keeps its own meaning.
      if (e.key === 'Enter' && ['BUTTON', 'A', 'SUMMARY'].includes((e.target as HTMLElement)?.tagName)) return
      const handler = latest.current[e.key] ?? latest.current[e.key.toLowerCase()]
      if (!handler) return
      e.preventDefault()
      handler(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
