/**
 * Sign-in for the API: users with passwords and sessions, API keys for
 * machines, and the first admin. The HTTP layer asks it who a request is
 * (`fromSession`, `fromKey`); what that principal may do is `permissions.ts`.
 *
 * @example
 * const auth = createAuth(store.auth, { envApiKey: process.env.INLOOP_API_KEY })
 * const { token } = await auth.login('rita', 'a long password', '127.0.0.1')
 * const me = await auth.fromSession(token) // { username: 'rita', roles: ['reviewer'], groups: ['credit-officer'], via: 'session' }
 */
import type { AuthStore, UserRecord } from '../store/auth-store.js'
import { HttpError } from '../http/errors.js'
import { createApiKeys } from './api-keys.js'
import { LoginLimiter } from './login-limiter.js'
import { DEFAULT_LOG_N } from './password.js'
import { isRole, type Principal } from './roles.js'
import { generatePassword } from './secrets.js'
import { createSessions } from './sessions.js'
import { createUserAdmin, publicUser, type PublicUser } from './users.js'

export interface AuthOptions {
  now?: () => Date
  /** scrypt cost as log2(N) for new hashes (default 17; tests use less). */
  passwordCost?: number
  /** How long a session lasts (default 12 hours). */
  sessionTtlMs?: number
  /** `INLOOP_API_KEY`: one more key, with the admin role. */
  envApiKey?: string
}

export type Auth = ReturnType<typeof createAuth>

export function createAuth(store: AuthStore, options: AuthOptions = {}) {
  const now = options.now ?? (() => new Date())
  const sessions = createSessions(store, { now, ttlMs: options.sessionTtlMs ?? 12 * 3_600_000 })
  const users = createUserAdmin(store, { now, passwordCost: options.passwordCost ?? DEFAULT_LOG_N, onRevoke: (u) => sessions.closeAll(u) })
  const keys = createApiKeys(store, { now, envKey: options.envApiKey || undefined })
  // Ten wrong passwords lock a username for a while; an address (many people behind one NAT) gets more.
  const byUser = new LoginLimiter(10)
  const byAddress = new LoginLimiter(100)

  const principalOf = (u: UserRecord, via: Principal['via'], keyId?: string): Principal => ({
    username: u.username,
    name: u.name,
    roles: u.roles.filter(isRole),
    groups: [...u.groups],
    via,
    ...(keyId ? { keyId } : {}),
  })

  return {
    users,
    sessions,
    keys,

    /** Check a password and open a session; 401 for a wrong one, 429 after too many. */
    async login(username: string, password: string, from: string): Promise<{ token: string; expiresAt: string; user: PublicUser }> {
      const name = username.trim().toLowerCase()
      const wait = Math.max(byUser.retryAfter([name]), byAddress.retryAfter([from]))
      if (wait > 0) {
        throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minute(s)`, { retryAfterSeconds: Math.ceil(wait / 1000) })
      }
      const user = await users.verify(name, password)
      if (!user) {
        byUser.fail([name])
        byAddress.fail([from])
        throw new HttpError(401, 'INVALID_LOGIN', 'the username or the password is wrong (or the account is disabled)')
      }
      byUser.succeed([name])
      const { token, session } = await sessions.open(user.username)
      return { token, expiresAt: session.expiresAt, user: publicUser(user) }
    },

    /** The signed-in person behind a session cookie, if the session and the account are live. */
    async fromSession(token: string): Promise<Principal | undefined> {
      const session = await sessions.find(token)
      const user = session && (await users.get(session.username))
      if (!user || user.disabled) return undefined
      return principalOf(user, 'session')
    },

    /**
     * The principal of a bearer key. An admin key may act for a person
     * (`X-Inloop-User`): the request then has that person's roles and groups.
     */
    async fromKey(bearer: string, actingFor?: string): Promise<Principal | undefined | 'cannot-act-for'> {
      const key = await keys.resolve(bearer)
      if (!key || !actingFor) return key
      const user = await users.get(actingFor.toLowerCase())
      if (!key.roles.includes('admin') || !user || user.disabled) return 'cannot-act-for'
      return principalOf(user, 'api-key', key.keyId)
    },

    /**
     * With no user at all, create `admin` with `password` (or a generated one,
     * returned so it can be shown once). Does nothing once any user exists.
     */
    async ensureAdmin(password?: string): Promise<{ created: false } | { created: true; username: string; password: string; generated: boolean }> {
      if ((await users.count()) > 0) return { created: false }
      const chosen = password || generatePassword()
      await users.create({ username: 'admin', name: 'Administrator', roles: ['admin'], password: chosen })
      return { created: true, username: 'admin', password: chosen, generated: !password }
    },
  }
}
