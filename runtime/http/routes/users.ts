/** Admin: users and API keys. Everyone signed in: the reviewer groups and who is in them (to hand a task on). */
import { Router } from 'express'
import { userRoutes as routes } from '../../../node-types/api/people.js'
import { generatePassword } from '../../auth/secrets.js'
import { mount } from '../route.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function userRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const { users, keys } = rt.auth

  mount(router, routes.list, () => users.list())

  /** A generated password is returned once, for the admin to pass on. */
  mount(router, routes.create, async ({ body }) => {
    const password = body.password ?? generatePassword()
    const user = await users.create({ ...body, password })
    return { user, ...(body.password ? {} : { password }) }
  })

  mount(router, routes.update, ({ params, body }) => users.update(params.username, body ?? {}))

  mount(router, routes.remove, async ({ params }) => {
    await users.remove(params.username)
  })

  mount(router, routes.groups, async () => {
    const byGroup = new Map<string, { username: string; name: string }[]>()
    for (const u of await users.list()) {
      if (u.disabled || !u.roles.includes('reviewer')) continue
      for (const g of u.groups) byGroup.set(g, [...(byGroup.get(g) ?? []), { username: u.username, name: u.name }])
    }
    return [...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([group, members]) => ({ name: group, members }))
  })

  mount(router, routes.keys, () => keys.list())

  /** The key itself is in this answer only; the store keeps its hash. */
  mount(router, routes.createKey, async ({ body }, req) => keys.create(body, actorOf(req)))

  mount(router, routes.removeKey, async ({ params }) => {
    await keys.remove(params.id)
  })

  return router
}
