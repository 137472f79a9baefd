/**
 * The built front ends: the customer portal at `/c/<token>` (public: the
 * token is the key), the sign-in page at `/login`, and the designer for
 * every other path, which needs a session (or an API key) — without one, a
 * browser is sent to `/login?next=<where it was going>`.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Auth } from '../auth/auth.js'
import { SESSION_COOKIE, readCookie } from './cookies.js'

/** The portal and the sign-in page load nothing from elsewhere, are never framed, and never send their URL on. */
const STRICT_PAGE = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

export function pageRoutes(auth: Auth, dir: string | undefined): Router {
  const router = Router()
  if (!dir || !existsSync(dir)) return router
  const page = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined)
  const portal = page('portal.html')
  const login = page('login.html')
  const designer = page('index.html')
  const strict = (res: Response, file: string) => res.set(STRICT_PAGE).set('x-robots-tag', 'noindex').sendFile(file)

  router.use(express.static(dir, { index: false, maxAge: '1h' }))
  if (portal) router.get('/c/{*token}', (_req, res) => strict(res, portal))
  if (login) router.get('/login', (_req, res) => strict(res, login))
  const designerPage = designer ? serveDesigner(auth, designer, login !== undefined) : undefined
  if (designerPage) router.get('/{*path}', designerPage)
  return router
}

/** The designer's page for a signed-in caller; anyone else is sent to sign in first. */
export function serveDesigner(auth: Auth, file: string, hasLogin: boolean): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  return async (req, res, next) => {
    try {
      const token = readCookie(req, SESSION_COOKIE)
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1]
      const signedIn = (token !== undefined && (await auth.fromSession(token)) !== undefined) || (bearer !== undefined && (await auth.keys.resolve(bearer)) !== undefined)
      if (!signedIn && hasLogin) {
        res.redirect(302, `/login?next=${encodeURIComponent(req.originalUrl)}`)
        return
      }
      // Resolves once the file is sent, so a caller that awaits it knows the answer is complete.
      await new Promise<void>((done, fail) => res.set('x-frame-options', 'DENY').sendFile(file, (error) => (error ? fail(error) : done())))
    } catch (error) {
      next(error)
    }
  }
}

/** `designerDir`'s page for a path of the designer that lives below `/api` (the API reference), if the designer is built. */
export function designerPageFor(auth: Auth, dir: string | undefined): ReturnType<typeof serveDesigner> | undefined {
  if (!dir || !existsSync(join(dir, 'index.html'))) return undefined
  return serveDesigner(auth, join(dir, 'index.html'), existsSync(join(dir, 'login.html')))
}
