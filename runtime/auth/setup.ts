/**
 * Auth as the server starts it: the service over the store's people data,
 * and on a first start (no user at all) the first admin — with the password
 * from `INLOOP_ADMIN_PASSWORD`, or a generated one that is shown once.
 */
import type { Logger } from '../../node-types/sdk/types.js'
import type { AuthStore } from '../store/auth-store.js'
import { createAuth, type Auth } from './auth.js'

export interface AuthSetup {
  /** scrypt cost as log2(N) (default `INLOOP_PASSWORD_COST` or 17). */
  passwordCost?: number
  /** The first admin's password (default `INLOOP_ADMIN_PASSWORD`, else generated). */
  adminPassword?: string
  /** An API key with the admin role (`INLOOP_API_KEY`). */
  apiKey?: string
  sessionTtlMs?: number
  now?: () => Date
}

export interface FirstAdmin {
  username: string
  /** Only when generated: show it once, it is stored nowhere but as a hash. */
  password?: string
}

export async function setupAuth(store: AuthStore, options: AuthSetup, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<{ auth: Auth; firstAdmin?: FirstAdmin }> {
  const cost = options.passwordCost ?? (env.INLOOP_PASSWORD_COST ? Number(env.INLOOP_PASSWORD_COST) : undefined)
  if (cost !== undefined && (!Number.isInteger(cost) || cost < 10 || cost > 20)) throw new Error('INLOOP_PASSWORD_COST must be a whole number from 10 to 20 (log2 of scrypt N)')
  const auth = createAuth(store, { passwordCost: cost, envApiKey: options.apiKey ?? env.INLOOP_API_KEY, sessionTtlMs: options.sessionTtlMs, now: options.now })
  const created = await auth.ensureAdmin(options.adminPassword ?? env.INLOOP_ADMIN_PASSWORD)
  if (!created.created) return { auth }
  log.warn(
    created.generated
      ? `created the first user, '${created.username}', with a generated password (shown once by inloop serve); sign in at /login and change it`
      : `created the first user, '${created.username}', with the password from INLOOP_ADMIN_PASSWORD; sign in at /login`,
  )
  return { auth, firstAdmin: { username: created.username, ...(created.generated ? { password: created.password } : {}) } }
}
