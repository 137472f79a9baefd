/** A global list of short-lived messages ("Saved", "Cannot connect …"). */
import { useSyncExternalStore } from 'react'

export interface Toast {
  id: number
  message: string
  kind: 'info' | 'success' | 'error'
}

let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export function toast(message: string, kind: Toast['kind'] = 'info', ms = kind === 'error' ? 6000 : 3000): void {
  const id = nextId++
  toasts = [...toasts.filter((t) => t.message !== message), { id, message, kind }].slice(-4)
  emit()
  setTimeout(() => dismiss(id), ms)
}

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => toasts,
  )
}
