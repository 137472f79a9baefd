/** Health, node types and the flow JSON Schema. */
import { Router } from 'express'
import { flowJsonSchema } from '../../../node-types/flow/schema.js'
import { describeNodeType } from '../../../node-types/registry.js'
import type { RuntimeContext } from '../runtime-context.js'

export function metaRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const schema = flowJsonSchema()
  router.get('/health', (_req, res) => {
    res.json({ ok: true, version: rt.version })
  })
  router.get('/node-types', (_req, res) => {
    res.json(rt.registry.list().map(describeNodeType))
  })
  router.get('/schema/flow', (_req, res) => {
    res.json(schema)
  })
  return router
}
