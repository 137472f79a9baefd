/** Signing in and out: a session cookie for people. Machines send a bearer API key instead. */
import { Router } from 'express'
import { z } from 'zod'
import { MIN_PASSWORD, publicUser } from '../../auth/users.js'
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from '../cookies.js'
import { HttpError } from '../errors.js'
import { principalOf } from '../principal.js'
import type { RuntimeContext } from '../runtime-context.js'

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) })
const passwordBody = z.object({ current: z.string().min(1).max(500), next: z.string().min(MIN_PASSWORD).max(500) })

export function authRoutes(rt: RuntimeContext): Router {
  const router = Router()

  router.post('/auth/login', async (req, res) => {
    const { username, password } = loginBody.parse(req.body)
    const { token, expiresAt, user } = await rt.auth.login(username, password, req.ip ?? 'unknown')
    setSessionCookie(req, res, token, expiresAt, rt.publicUrl)
    res.set('cache-control', 'no-store').json({ user, expiresAt })
  })

  router.post('/auth/logout', async (req, res) => {
    const token = readCookie(req, SESSION_COOKIE)
    if (token) await rt.auth.sessions.close(token)
    clearSessionCookie(req, res, rt.publicUrl)
    res.status(204).end()
  })

  router.get('/auth/me', async (req, res) => {
    const me = principalOf(req)
    const record = me.via === 'session' || !me.username.startsWith('key:') ? await rt.auth.users.get(me.username) : undefined
    res.set('cache-control', 'no-store').json({
      user: record ? publicUser(record) : { username: me.username, name: me.name, roles: me.roles, groups: me.groups },
      via: me.via,
    })
  })

  router.post('/auth/password', async (req, res) => {
    const me = principalOf(req)
    const { current, next } = passwordBody.parse(req.body)
    if (me.via !== 'session') throw new HttpError(403, 'FORBIDDEN', 'sign in with your password to change it')
    if (!(await rt.auth.users.verify(me.username, current))) throw new HttpError(401, 'INVALID_LOGIN', 'the current password is wrong')
    await rt.auth.users.update(me.username, { password: next })
    // Every session ended with the change; this one gets a fresh one.
    const { token, session } = await rt.auth.sessions.open(me.username)
    setSessionCookie(req, res, token, session.expiresAt, rt.publicUrl)
    res.status(204).end()
  })

  return router
}
