/** Signing in and out: a session cookie for people. Machines send a bearer API key instead. */
import { Router } from 'express'
import { authRoutes as routes } from '../../../node-types/api/people.js'
import { publicUser } from '../../auth/users.js'
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from '../cookies.js'
import { HttpError } from '../errors.js'
import { principalOf } from '../principal.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function authRoutes(rt: RuntimeContext): Router {
  const router = Router()

  mount(router, routes.login, async ({ body }, req, res) => {
    const { token, expiresAt, user } = await rt.auth.login(body.username, body.password, req.ip ?? 'unknown')
    setSessionCookie(req, res, token, expiresAt, rt.publicUrl)
    res.set('cache-control', 'no-store')
    return { user, expiresAt }
  })

  mount(router, routes.logout, async (_input, req, res) => {
    const token = readCookie(req, SESSION_COOKIE)
    if (token) await rt.auth.sessions.close(token)
    clearSessionCookie(req, res, rt.publicUrl)
  })

  mount(router, routes.me, async (_input, req, res) => {
    const me = principalOf(req)
    const record = me.via === 'session' || !me.username.startsWith('key:') ? await rt.auth.users.get(me.username) : undefined
    res.set('cache-control', 'no-store')
    return { user: record ? publicUser(record) : { username: me.username, name: me.name, roles: me.roles, groups: me.groups }, via: me.via }
  })

  mount(router, routes.password, async ({ body }, req, res) => {
    const me = principalOf(req)
    if (me.via !== 'session') throw new HttpError(403, 'FORBIDDEN', 'sign in with your password to change it')
    if (!(await rt.auth.users.verify(me.username, body.current))) throw new HttpError(401, 'INVALID_LOGIN', 'the current password is wrong')
    await rt.auth.users.update(me.username, { password: body.next })
    // Every session ended with the change; this one gets a fresh one.
    const { token, session } = await rt.auth.sessions.open(me.username)
    setSessionCookie(req, res, token, session.expiresAt, rt.publicUrl)
  })

  return router
}
