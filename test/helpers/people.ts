/**
 * Real people for API tests: users created through the admin API and signed
 * in with a password, each with their own session cookie. `as('rita', {
 * groups: ['checker'] })` returns an `Api` that acts as rita, creating her (or
 * adding the groups) first.
 */
import { createApi, type Api } from './api.js'

export const TEST_PASSWORD = 'test-password-for-people'
export const TEST_ADMIN_PASSWORD = 'test-admin-password'
/** What child servers (`inloop serve` in a test) take as INLOOP_API_KEY. */
export const TEST_API_KEY = 'test-admin-api-key-0123456789abcdef'

export interface Profile {
  roles?: ('admin' | 'designer' | 'owner' | 'reviewer')[]
  groups?: string[]
  email?: string
}

export interface People {
  /** An Api signed in as `username` (a reviewer unless `roles` say otherwise). */
  as(username: string, profile?: Profile): Promise<Api>
}

/** Sign in; returns the Cookie header to send. */
export async function sessionCookie(baseUrl: string, username: string, password: string): Promise<{ cookie: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (res.status !== 200) throw new Error(`signing in as ${username} failed (${res.status}): ${await res.text()}`)
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] }
}

/** Sign in and return an Api that sends the session cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Api> {
  return createApi(baseUrl, await sessionCookie(baseUrl, username, password))
}

export function people(baseUrl: string, admin: Api): People {
  const signedIn = new Map<string, Promise<Api>>()
  const known = new Map<string, { roles: string[]; groups: string[] }>()

  async function ensure(username: string, profile: Profile): Promise<void> {
    const roles = profile.roles ?? ['reviewer']
    const groups = profile.groups ?? []
    const have = known.get(username)
    if (have && roles.every((r) => have.roles.includes(r)) && groups.every((g) => have.groups.includes(g))) return
    const created = await admin('POST', '/api/users', { username, roles, groups, password: TEST_PASSWORD, ...(profile.email ? { email: profile.email } : {}) })
    if (created.status === 201) {
      known.set(username, { roles, groups })
      return
    }
    if (created.status !== 409) throw new Error(`creating user ${username} failed (${created.status}): ${created.text}`)
    const current = ((await admin('GET', '/api/users')).body as { username: string; roles: string[]; groups: string[] }[]).find((u) => u.username === username)!
    const next = { roles: [...new Set([...current.roles, ...roles])], groups: [...new Set([...current.groups, ...groups])] }
    const patched = await admin('PATCH', `/api/users/${username}`, next)
    if (patched.status !== 200) throw new Error(`updating user ${username} failed (${patched.status}): ${patched.text}`)
    known.set(username, next)
  }

  return {
    async as(username, profile = {}) {
      await ensure(username, profile)
      let api = signedIn.get(username)
      if (!api) signedIn.set(username, (api = signIn(baseUrl, username, TEST_PASSWORD)))
      return api
    },
  }
}
