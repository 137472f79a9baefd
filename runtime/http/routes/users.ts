/** Admin: users and API keys. Everyone signed in: the reviewer groups and who is in them (to hand a task on). */
import { Router } from 'express'
import { z } from 'zod'
import { NAME_PATTERN, ROLES } from '../../auth/roles.js'
import { MIN_PASSWORD } from '../../auth/users.js'
import { generatePassword } from '../../auth/secrets.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

const name = z.string().regex(NAME_PATTERN, 'lowercase letters, digits and . _ @ -, starting with a letter or digit')
const roles = z.array(z.enum(ROLES)).max(4)
const groups = z.array(name).max(50)
const newUser = z.object({
  username: name,
  name: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
  roles: roles.min(1),
  groups: groups.optional(),
  password: z.string().min(MIN_PASSWORD).max(500).optional(),
})
const patch = z.object({
  name: z.string().max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  roles: roles.min(1).optional(),
  groups: groups.optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD).max(500).optional(),
})
const newKey = z.object({ name, roles: roles.min(1), groups: groups.optional() })

export function userRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const { users, keys } = rt.auth

  router.get('/users', async (_req, res) => {
    res.json(await users.list())
  })

  /** A generated password is returned once, for the admin to pass on. */
  router.post('/users', async (req, res) => {
    const body = newUser.parse(req.body)
    const password = body.password ?? generatePassword()
    const user = await users.create({ ...body, password })
    res.status(201).json({ user, ...(body.password ? {} : { password }) })
  })

  router.patch('/users/:username', async (req, res) => {
    res.json(await users.update(req.params.username, patch.parse(req.body ?? {})))
  })

  router.delete('/users/:username', async (req, res) => {
    await users.remove(req.params.username)
    res.status(204).end()
  })

  router.get('/groups', async (_req, res) => {
    const byGroup = new Map<string, { username: string; name: string }[]>()
    for (const u of await users.list()) {
      if (u.disabled || !u.roles.includes('reviewer')) continue
      for (const g of u.groups) byGroup.set(g, [...(byGroup.get(g) ?? []), { username: u.username, name: u.name }])
    }
    res.json([...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([group, members]) => ({ name: group, members })))
  })

  router.get('/keys', async (_req, res) => {
    res.json(await keys.list())
  })

  /** The key itself is in this answer only; the store keeps its hash. */
  router.post('/keys', async (req, res) => {
    const { key, apiKey } = await keys.create(newKey.parse(req.body), actorOf(req))
    res.status(201).json({ key, apiKey })
  })

  router.delete('/keys/:id', async (req, res) => {
    await keys.remove(req.params.id)
    res.status(204).end()
  })

  return router
}
