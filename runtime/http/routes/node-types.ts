/**
 * `GET /api/node-types`: every installed node type (built-in and custom) with
 * its config as JSON Schema and where it comes from; `GET
 * /api/node-types/problems`: the custom node types that failed to load.
 */
import { Router } from 'express'
import { describeNodeType, type NodeTypeDescription } from '../../../node-types/registry.js'
import type { AnyNodeType } from '../../../node-types/sdk/define-node-type.js'
import { metaRoutes as routes } from '../../../node-types/api/meta.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function nodeTypeRoutes(rt: RuntimeContext): Router {
  const router = Router()
  // A definition is frozen, so its description never changes; a reloaded type is a new object.
  const described = new WeakMap<AnyNodeType, NodeTypeDescription>()
  const describe = (def: AnyNodeType) => {
    let description = described.get(def)
    if (!description) described.set(def, (description = describeNodeType(def)))
    return { ...description, origin: rt.nodeTypes?.originOf(def.type) ?? 'builtin' }
  }
  mount(router, routes.nodeTypes, () => rt.registry.list().map(describe))
  mount(router, routes.nodeTypeProblems, () => rt.nodeTypes?.problems() ?? [])
  return router
}
