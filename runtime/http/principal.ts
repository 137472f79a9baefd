/** The authenticated caller of a request, set once by `authenticate` and read by the routers. */
import type { Request } from 'express'
import type { Principal } from '../auth/roles.js'
import { HttpError } from './errors.js'

const principals = new WeakMap<Request, Principal>()

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal)
}

export function maybePrincipal(req: Request): Principal | undefined {
  return principals.get(req)
}

/** The caller; 401 if the route was reached without signing in (a public route). */
export function principalOf(req: Request): Principal {
  const p = principals.get(req)
  if (!p) throw new HttpError(401, 'UNAUTHORIZED', 'sign in first (POST /api/auth/login) or send Authorization: Bearer <API key>')
  return p
}
