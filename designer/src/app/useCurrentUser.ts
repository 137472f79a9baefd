/**
 * Who is signed in (`GET /api/auth/me`), shared by every component that asks
 * and fetched again after each sign-in. Null until known or when no one is.
 */
import { useEffect, useState } from 'react'
import { api, type SignedInUser } from '../api/client'
import { useSession } from './session'

let cached: { epoch: number; user: Promise<SignedInUser | null> } | undefined

function load(epoch: number): Promise<SignedInUser | null> {
  if (cached?.epoch !== epoch) cached = { epoch, user: api.me().then((r) => r.user, () => null) }
  return cached.user
}

export function useCurrentUser(): SignedInUser | null {
  const { epoch } = useSession()
  const [user, setUser] = useState<SignedInUser | null>(null)
  useEffect(() => {
    let live = true
    void load(epoch).then((u) => live && setUser(u))
    return () => {
      live = false
    }
  }, [epoch])
  return user
}

/** An owner with no designer or admin role: sees parameters and metrics, not the canvas. */
export function isOnlyOwner(user: SignedInUser | null): boolean {
  return !!user && user.roles.includes('owner') && !user.roles.some((r) => r === 'designer' || r === 'admin')
}
