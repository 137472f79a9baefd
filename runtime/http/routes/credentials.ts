/** Stored credentials: admins create, replace and delete them; designers list their names to pick one. No answer carries a secret. */
import { Router } from 'express'
import { credentialRoutes as routes } from '../../../node-types/api/credentials.js'
import { mount } from '../route.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function credentialRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const { credentials } = rt

  mount(router, routes.list, () => credentials.list())
  mount(router, routes.get, ({ params }) => credentials.get(params.name))
  mount(router, routes.create, ({ body }, req) => credentials.create(body, actorOf(req)))
  mount(router, routes.replace, ({ params, body }, req) => credentials.replace(params.name, body, actorOf(req)))
  mount(router, routes.remove, async ({ params }) => {
    await credentials.remove(params.name)
  })

  return router
}
