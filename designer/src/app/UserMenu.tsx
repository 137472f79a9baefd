/** Who is signed in, and signing out. Hidden when the server has no sign-in. */
import { useEffect, useState } from 'react'
import { api, type SignedInUser } from '../api/client'
import { markSignedOut, useSession } from './session'

export function UserMenu() {
  const [user, setUser] = useState<SignedInUser | null>(null)
  const { epoch } = useSession()
  useEffect(() => {
    api.me().then(
      (r) => setUser(r.user),
      () => setUser(null),
    )
  }, [epoch])
  if (!user) return null
  const signOut = async () => {
    await api.logout().catch(() => {})
    markSignedOut()
  }
  return (
    <span className="user-menu">
      <span className="user-name" title={user.roles.join(', ')}>
        {user.name || user.username}
      </span>
      <button className="button button-small" onClick={signOut}>
        Sign out
      </button>
    </span>
  )
}
