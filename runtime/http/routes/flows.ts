/** Flows: drafts, validation, versions, and starting runs. */
import { Router } from 'express'
import { z } from 'zod'
import { findCallCycle } from '../../../node-types/flow/calls.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { validateFlow, type ValidationResult } from '../../../node-types/flow/validate.js'
import { HttpError, notFound } from '../errors.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

const startBody = z.object({ input: z.unknown().optional(), idempotencyKey: z.string().min(1).max(200).optional() })
const testRunBody = z.object({ input: z.unknown().optional(), flow: z.unknown().optional() })
const publishBody = z.object({ note: z.string().max(2000).optional() }).optional()

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

  router.post('/flows/validate', async (req, res) => {
    const result = await validateWithCalls(req.body)
    res.status(result.ok ? 200 : 422).json({ ok: result.ok, ...(result.ok ? {} : { problems: result.problems }) })
  })

  router.get('/flows', async (_req, res) => {
    res.json(await flows.listFlows())
  })

  router.get('/flows/:id', async (req, res) => {
    const draft = await flows.getDraft(req.params.id)
    if (!draft) throw notFound(`flow '${req.params.id}'`)
    const versions = await flows.listVersions(req.params.id)
    res.json({ ...draft, latestVersion: Math.max(0, ...versions.map((v) => v.version)) })
  })

  router.put('/flows/:id', async (req, res) => {
    const result = validateFlow(req.body, rt.registry)
    const shapeProblems = result.ok ? [] : result.problems.filter((p) => p.code === 'schema.invalid')
    if (shapeProblems.length > 0) throw new HttpError(422, 'FLOW_SHAPE', 'the body is not a flow document', { problems: shapeProblems })
    const flow = req.body
    if (flow.id !== req.params.id) throw new HttpError(422, 'FLOW_ID_MISMATCH', `the flow's id '${flow.id}' differs from the URL's '${req.params.id}'`)
    await flows.saveDraft(req.params.id, flow, actorOf(req))
    res.json({ ok: true, problems: result.ok ? [] : result.problems })
  })

  router.delete('/flows/:id', async (req, res) => {
    // Its versions go with it, and a waiting run could then never resume.
    const live = await liveRunOf(req.params.id)
    if (live) {
      throw new HttpError(409, 'FLOW_IN_USE', `flow '${req.params.id}' has runs still waiting or running (such as ${live}); cancel them or let them finish first`)
    }
    if (!(await flows.deleteFlow(req.params.id))) throw notFound(`flow '${req.params.id}'`)
    res.status(204).end()
  })

  router.post('/flows/:id/publish', async (req, res) => {
    const draft = await flows.getDraft(req.params.id)
    if (!draft) throw notFound(`flow '${req.params.id}'`)
    const result = await validateWithCalls(draft.flow)
    if (!result.ok) throw new HttpError(422, 'FLOW_INVALID', 'the draft has problems; fix them before publishing', { problems: result.problems })
    const version = await flows.publish(req.params.id, actorOf(req), publishBody.parse(req.body)?.note)
    res.status(201).json({ version })
  })

  router.get('/flows/:id/versions', async (req, res) => {
    if (!(await flows.getDraft(req.params.id))) throw notFound(`flow '${req.params.id}'`)
    res.json(await flows.listVersions(req.params.id))
  })

  router.get('/flows/:id/versions/:version', async (req, res) => {
    const flow = await flows.getVersion(req.params.id, Number(req.params.version))
    if (!flow) throw notFound(`version ${req.params.version} of flow '${req.params.id}'`)
    res.json(flow)
  })

  router.get('/flows/:id/samples', (req, res) => {
    res.json(rt.samples.get(req.params.id) ?? [])
  })

  router.post('/flows/:id/runs', async (req, res) => {
    const body = startBody.parse(req.body ?? {})
    // New runs take the owner's current approved parameter values and record their version.
    const parameters = await rt.learning.parameters.forNewRun(req.params.id)
    const { runId, created } = await rt.engine.startRun({
      flowId: req.params.id,
      version: parameters?.flowVersion,
      params: parameters?.params,
      parametersVersion: parameters?.parametersVersion,
      input: body.input ?? {},
      idempotencyKey: body.idempotencyKey,
      requestedBy: actorOf(req),
    })
    res.status(created ? 201 : 200).json({ runId, created })
  })

  router.post('/flows/:id/test-runs', async (req, res) => {
    const body = testRunBody.parse(req.body ?? {})
    const draft = body.flow ?? (await flows.getDraft(req.params.id))?.flow
    if (!draft) throw notFound(`flow '${req.params.id}'`)
    const result = validateFlow(draft, rt.registry)
    if (!result.ok) throw new HttpError(422, 'FLOW_INVALID', 'the draft has problems; fix them before a test run', { problems: result.problems })
    const { runId } = await rt.engine.startRun({ flowId: req.params.id, input: body.input ?? {}, draft: result.flow, requestedBy: actorOf(req) })
    res.status(201).json({ runId })
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
