/**
 * Every /api request passes here before its body is read: who is calling (a
 * session cookie, or a bearer API key), is a browser request from another
 * site (refused for anything but GET), and may the caller use this route at
 * all (`auth/permissions.ts`). Routers then check what depends on the data,
 * such as a reviewer's groups.
 */
import type { Request, RequestHandler } from 'express'
import type { Auth } from '../auth/auth.js'
import { accessFor } from '../auth/permissions.js'
import { hasRole, type Principal } from '../auth/roles.js'
import { SESSION_COOKIE, readCookie } from './cookies.js'
import { HttpError } from './errors.js'
import { setPrincipal } from './principal.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function authenticate(auth: Auth): RequestHandler {
  return (req, _res, next) => {
    handle(auth, req).then(() => next(), next)
  }
}

async function handle(auth: Auth, req: Request): Promise<void> {
  if (!SAFE_METHODS.has(req.method)) refuseCrossSite(req)
  const access = accessFor(req.method, req.path)
  const principal = await identify(auth, req, access === 'public')
  if (principal) setPrincipal(req, principal)
  if (access === 'public') return
  if (!principal) throw new HttpError(401, 'UNAUTHORIZED', 'sign in first (POST /api/auth/login) or send Authorization: Bearer <API key>')
  if (access === 'signed-in' || hasRole(principal, ...access)) return
  throw new HttpError(403, 'FORBIDDEN', `${req.method} /api${req.path} needs the ${access.join(' or ')} role; ${principal.username} has ${principal.roles.join(', ') || 'none'}`)
}

async function identify(auth: Auth, req: Request, isPublic: boolean): Promise<Principal | undefined> {
  const header = req.get('authorization')
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    const found = match ? await auth.fromKey(match[1], req.get('x-inloop-user')?.trim() || undefined) : undefined
    if (found === 'cannot-act-for') {
      throw new HttpError(403, 'CANNOT_ACT_FOR', 'only an admin API key may act for a person (X-Inloop-User), and only for an active user')
    }
    if (!found && !isPublic) throw new HttpError(401, 'UNAUTHORIZED', 'this API key is not valid: send Authorization: Bearer <API key>, or sign in')
    return found
  }
  const token = readCookie(req, SESSION_COOKIE)
  return token ? auth.fromSession(token) : undefined
}

/**
 * CSRF: a browser names where a request comes from (Sec-Fetch-Site, else
 * Origin); a write from another site is refused. Clients that are not
 * browsers send neither and are not affected.
 */
function refuseCrossSite(req: Request): void {
  const site = req.get('sec-fetch-site')
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return
    throw new HttpError(403, 'CROSS_SITE', 'this request came from another site; sign in and use Inloop itself')
  }
  const origin = req.get('origin')
  if (origin === undefined) return
  if (origin !== 'null' && sameHost(origin, req.get('host'))) return
  throw new HttpError(403, 'CROSS_SITE', 'this request came from another site; sign in and use Inloop itself')
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
