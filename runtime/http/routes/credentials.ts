/** Stored credentials: admins create, replace and delete them; designers list their names to pick one. No answer carries a secret. */
import { Router } from 'express'
import { createCredentialSchema, credentialNameSchema, replaceCredentialSchema } from '../../../node-types/api/credentials.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function credentialRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const { credentials } = rt

  router.get('/credentials', async (_req, res) => {
    res.json(await credentials.list())
  })

  router.get('/credentials/:name', async (req, res) => {
    res.json(await credentials.get(credentialNameSchema.parse(req.params.name)))
  })

  router.post('/credentials', async (req, res) => {
    res.status(201).json(await credentials.create(createCredentialSchema.parse(req.body), actorOf(req)))
  })

  router.put('/credentials/:name', async (req, res) => {
    res.json(await credentials.replace(credentialNameSchema.parse(req.params.name), replaceCredentialSchema.parse(req.body), actorOf(req)))
  })

  router.delete('/credentials/:name', async (req, res) => {
    await credentials.remove(credentialNameSchema.parse(req.params.name))
    res.status(204).end()
  })

  return router
}
