/** Health and the flow JSON Schema (node types: `node-types.ts`). */
import { Router } from 'express'
import { flowJsonSchema } from '../../../node-types/flow/schema.js'
import type { RuntimeContext } from '../runtime-context.js'

export function metaRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const schema = flowJsonSchema()
  router.get('/health', (_req, res) => {
    res.json({ ok: true, version: rt.version })
  })
  router.get('/schema/flow', (_req, res) => {
    res.json(schema)
  })
  return router
}
