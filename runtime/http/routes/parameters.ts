/** Parameters for owners: versions of a flow's parameter values, approval, rollback. */
import { Router } from 'express'
import { parameterRoutes as routes } from '../../../node-types/api/parameters.js'
import { ownerValues } from '../../learning/learning-service.js'
import { currentVersion } from '../../parameters/parameter-versions.js'
import { mount } from '../route.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function parameterRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const parameters = rt.learning.parameters

  mount(router, routes.get, async ({ params }) => {
    const e = await parameters.effective(params.id)
    const values = ownerValues(e.params)
    return {
      flowId: params.id,
      flowVersion: e.flowVersion,
      requireApproval: e.record.requireApproval,
      parameters: e.definitions.map((d) => ({ ...d, default: d.value, value: values[d.name] })),
      values,
      current: currentVersion(e.record) ?? null,
      pending: e.record.versions.filter((v) => v.status === 'pending'),
    }
  })

  mount(router, routes.save, ({ params, body }, req) => parameters.save(params.id, { ...body, by: actorOf(req) }))

  mount(router, routes.versions, ({ params }) => parameters.list(params.id))

  mount(router, routes.rollback, ({ params, body }, req) => parameters.rollback(params.id, { ...body, by: actorOf(req) }))

  mount(router, routes.approve, ({ params, body }, req) => parameters.approve(params.id, params.version, actorOf(req), body?.note))

  mount(router, routes.reject, ({ params, body }, req) => parameters.reject(params.id, params.version, actorOf(req), body?.note))

  mount(router, routes.policy, async ({ params, body }, req) => {
    const record = await parameters.setPolicy(params.id, body.requireApproval, actorOf(req))
    return { requireApproval: record.requireApproval, changedBy: record.policyChangedBy, changedAt: record.policyChangedAt }
  })

  return router
}
