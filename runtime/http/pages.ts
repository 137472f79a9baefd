/**
 * The built front ends: the customer portal at `/c/<token>` (public: the
 * token is the key), the sign-in page at `/login`, and the designer for
 * every other path, which needs a session (or an API key) — without one, a
 * browser is sent to `/login?next=<where it was going>`.
 */
import express, { Router, type Response } from 'express'
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
  if (designer) {
    router.get('/{*path}', async (req, res, next) => {
      try {
        const token = readCookie(req, SESSION_COOKIE)
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1]
        const signedIn = (token !== undefined && (await auth.fromSession(token)) !== undefined) || (bearer !== undefined && (await auth.keys.resolve(bearer)) !== undefined)
        if (!signedIn && login) {
          res.redirect(302, `/login?next=${encodeURIComponent(req.originalUrl)}`)
          return
        }
        res.set('x-frame-options', 'DENY').sendFile(designer)
      } catch (error) {
        next(error)
      }
    })
  }
  return router
}
