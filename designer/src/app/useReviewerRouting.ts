/**
 * Routing rules for the reviewer pages: `/` takes a person who is only a
 * reviewer to the inbox (the flow list is of no use to them), and a session
 * that ends on the inbox or outbox sends the browser to `/login?next=…`
 * (there are no unsaved edits to keep under a sign-in overlay there).
 */
import { useEffect } from 'react'
import type { Route } from './router'
import { navigate } from './router'
import { useCurrentUser } from './useCurrentUser'

const REVIEWER_PAGES: Route['page'][] = ['inbox', 'task', 'outbox']

export function isOnlyReviewer(roles: string[]): boolean {
  return roles.includes('reviewer') && !roles.some((r) => r === 'admin' || r === 'designer' || r === 'owner')
}

/** True while the browser is being sent to the sign-in page. */
export function useReviewerRouting(page: Route['page'], signedOut: boolean): boolean {
  const user = useCurrentUser()
  const toLogin = signedOut && REVIEWER_PAGES.includes(page)
  useEffect(() => {
    if (page === 'flows' && user && isOnlyReviewer(user.roles)) navigate('/inbox', { replace: true })
  }, [page, user])
  useEffect(() => {
    if (toLogin) location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`)
  }, [toLogin])
  return toLogin
}
