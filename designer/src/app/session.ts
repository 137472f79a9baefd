/**
 * Whether the app must ask the user to sign in. Any 401 from the API flips
 * it; signing in flips it back and bumps `epoch`, so pages mount again and
 * load their data as the signed-in user.
 */
import { useSyncExternalStore } from 'react'
import { onUnauthorized } from '../api/client'

let state = { signedOut: false, epoch: 0 }
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

onUnauthorized(() => {
  if (state.signedOut) return
  state = { ...state, signedOut: true }
  emit()
})

export function markSignedIn(): void {
  state = { signedOut: false, epoch: state.epoch + 1 }
  emit()
}

export function markSignedOut(): void {
  state = { ...state, signedOut: true }
  emit()
}

export function useSession(): { signedOut: boolean; epoch: number } {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  )
}
