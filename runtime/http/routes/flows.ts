/** Flows: drafts, validation, versions, and starting runs. */
import { Router } from 'express'
import { flowRoutes as routes } from '../../../node-types/api/flows.js'
import { findCallCycle } from '../../../node-types/flow/calls.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { validateFlow, type ValidationResult } from '../../../node-types/flow/validate.js'
import { HttpError, notFound } from '../errors.js'
import { mount } from '../route.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export function flowRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const flows = rt.store.flows

  /** The validator's problems, and — for a valid flow — sub-flow calls that lead back to it through published flows. */
  async function validateWithCalls(document: unknown): Promise<ValidationResult> {
    const result = validateFlow(document, rt.registry)
    if (!result.ok) return result
    const load = async (id: string, version?: number) => {
      const v = version ?? (await flows.latestVersion(id))
      return v === undefined ? undefined : flows.getVersion(id, v)
    }
    const problems = await findCallCycle(result.flow as Flow, rt.registry, load)
    return problems.length > 0 ? { ok: false, problems } : result
  }

  mount(router, routes.validate, async ({ body }, _req, res) => {
    const result = await validateWithCalls(body)
    res.status(result.ok ? 200 : 422)
    return { ok: result.ok, ...(result.ok ? {} : { problems: result.problems }) }
  })

  mount(router, routes.list, () => flows.listFlows())

  mount(router, routes.get, async ({ params }) => {
    const draft = await flows.getDraft(params.id)
    if (!draft) throw notFound(`flow '${params.id}'`)
    const versions = await flows.listVersions(params.id)
    return { ...draft, latestVersion: Math.max(0, ...versions.map((v) => v.version)) }
  })

  mount(router, routes.save, async ({ params, body }, req) => {
    const result = validateFlow(body, rt.registry)
    const shapeProblems = result.ok ? [] : result.problems.filter((p) => p.code === 'schema.invalid')
    if (shapeProblems.length > 0) throw new HttpError(422, 'FLOW_SHAPE', 'the body is not a flow document', { problems: shapeProblems })
    const flow = body as { id: string }
    if (flow.id !== params.id) throw new HttpError(422, 'FLOW_ID_MISMATCH', `the flow's id '${flow.id}' differs from the URL's '${params.id}'`)
    await flows.saveDraft(params.id, body as never, actorOf(req))
    return { ok: true as const, problems: result.ok ? [] : result.problems }
  })

  mount(router, routes.remove, async ({ params }) => {
    // Its versions go with it, and a waiting run could then never resume.
    const live = await liveRunOf(params.id)
    if (live) {
      throw new HttpError(409, 'FLOW_IN_USE', `flow '${params.id}' has runs still waiting or running (such as ${live}); cancel them or let them finish first`)
    }
    if (!(await flows.deleteFlow(params.id))) throw notFound(`flow '${params.id}'`)
  })

  mount(router, routes.publish, async ({ params, body }, req) => {
    const draft = await flows.getDraft(params.id)
    if (!draft) throw notFound(`flow '${params.id}'`)
    const result = await validateWithCalls(draft.flow)
    if (!result.ok) throw new HttpError(422, 'FLOW_INVALID', 'the draft has problems; fix them before publishing', { problems: result.problems })
    return { version: await flows.publish(params.id, actorOf(req), body?.note) }
  })

  mount(router, routes.versions, async ({ params }) => {
    if (!(await flows.getDraft(params.id))) throw notFound(`flow '${params.id}'`)
    return flows.listVersions(params.id)
  })

  mount(router, routes.version, async ({ params }) => {
    const flow = await flows.getVersion(params.id, params.version)
    if (!flow) throw notFound(`version ${params.version} of flow '${params.id}'`)
    return flow
  })

  mount(router, routes.samples, ({ params }) => rt.samples.get(params.id) ?? [])

  mount(router, routes.startRun, async ({ params, body }, req, res) => {
    // New runs take the owner's current approved parameter values and record their version.
    const parameters = await rt.learning.parameters.forNewRun(params.id)
    const { runId, created } = await rt.engine.startRun({
      flowId: params.id,
      version: parameters?.flowVersion,
      params: parameters?.params,
      parametersVersion: parameters?.parametersVersion,
      input: (body?.input ?? {}) as never,
      idempotencyKey: body?.idempotencyKey,
      requestedBy: actorOf(req),
    })
    res.status(created ? 201 : 200)
    return { runId, created }
  })

  mount(router, routes.testRun, async ({ params, body }, req) => {
    const draft = body?.flow ?? (await flows.getDraft(params.id))?.flow
    if (!draft) throw notFound(`flow '${params.id}'`)
    const result = validateFlow(draft, rt.registry)
    if (!result.ok) throw new HttpError(422, 'FLOW_INVALID', 'the draft has problems; fix them before a test run', { problems: result.problems })
    const { runId } = await rt.engine.startRun({ flowId: params.id, input: (body?.input ?? {}) as never, draft: result.flow, requestedBy: actorOf(req) })
    return { runId }
  })

  async function liveRunOf(flowId: string): Promise<string | undefined> {
    for (const status of ['waiting', 'running'] as const) {
      const found = (await rt.store.runs.listRuns({ flowId, status, limit: 500 })).find((r) => !r.test)
      if (found) return found.id
    }
    return undefined
  }

  return router
}
