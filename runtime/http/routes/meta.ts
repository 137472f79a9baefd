/** Health, the flow JSON Schema and this API's OpenAPI document (node types: `node-types.ts`). */
import { Router } from 'express'
import { metaRoutes as routes } from '../../../node-types/api/meta.js'
import { flowJsonSchema } from '../../../node-types/flow/schema.js'
import { openApiDocument } from '../openapi/document.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

/** `api` is the router every API route is mounted on: the document describes what it holds when first asked. */
export function metaRoutes(rt: RuntimeContext, api: Router): Router {
  const router = Router()
  const schema = flowJsonSchema()
  let document: Record<string, unknown> | undefined
  mount(router, routes.health, () => ({ ok: true as const, version: rt.version }))
  mount(router, routes.flowSchema, () => schema)
  mount(router, routes.openapi, () => (document ??= openApiDocument(api, rt.version)))
  return router
}
