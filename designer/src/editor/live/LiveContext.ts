/**
 * The flow's live view for the parts that follow it (the Live button, the
 * runs panel, a run's timeline). Its own context: counts change many times
 * a second, and the rest of the editor should not draw again for them.
 */
import { createContext, useContext } from 'react'
import type { LiveFlow } from './useLiveFlow'

export const LiveContext = createContext<LiveFlow | null>(null)

export function useLive(): LiveFlow {
  const value = useContext(LiveContext)
  if (!value) throw new Error('useLive must be used inside the editor')
  return value
}
