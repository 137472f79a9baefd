/** Parameters for owners: versions of a flow's parameter values, approval, rollback. */
import { Router } from 'express'
import { z } from 'zod'
import { ownerValues } from '../../learning/learning-service.js'
import { currentVersion } from '../../parameters/parameter-versions.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'

export const parameterValues = z.record(z.string().max(100), z.union([z.number(), z.string().max(1000), z.boolean()]))
const saveBody = z.object({ values: parameterValues, reason: z.string().trim().min(1, 'say why the values change').max(2000) })
const rollbackBody = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1, 'say why you roll back').max(2000) })
const decisionBody = z.object({ note: z.string().max(2000).optional() }).optional()
const policyBody = z.object({ requireApproval: z.boolean() })
const versionParam = z.coerce.number().int().min(1)

export function parameterRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const parameters = rt.learning.parameters

  router.get('/flows/:id/parameters', async (req, res) => {
    const e = await parameters.effective(req.params.id)
    const values = ownerValues(e.params)
    res.json({
      flowId: req.params.id,
      flowVersion: e.flowVersion,
      requireApproval: e.record.requireApproval,
      parameters: e.definitions.map((d) => ({ ...d, default: d.value, value: values[d.name] })),
      values,
      current: currentVersion(e.record) ?? null,
      pending: e.record.versions.filter((v) => v.status === 'pending'),
    })
  })

  router.post('/flows/:id/parameters', async (req, res) => {
    const body = saveBody.parse(req.body ?? {})
    res.status(201).json(await parameters.save(req.params.id, { ...body, by: actorOf(req) }))
  })

  router.get('/flows/:id/parameters/versions', async (req, res) => {
    res.json(await parameters.list(req.params.id))
  })

  router.post('/flows/:id/parameters/rollback', async (req, res) => {
    const body = rollbackBody.parse(req.body ?? {})
    res.status(201).json(await parameters.rollback(req.params.id, { ...body, by: actorOf(req) }))
  })

  router.post('/flows/:id/parameters/versions/:version/approve', async (req, res) => {
    const note = decisionBody.parse(req.body ?? undefined)?.note
    res.json(await parameters.approve(req.params.id, versionParam.parse(req.params.version), actorOf(req), note))
  })

  router.post('/flows/:id/parameters/versions/:version/reject', async (req, res) => {
    const note = decisionBody.parse(req.body ?? undefined)?.note
    res.json(await parameters.reject(req.params.id, versionParam.parse(req.params.version), actorOf(req), note))
  })

  router.put('/flows/:id/parameters/policy', async (req, res) => {
    const { requireApproval } = policyBody.parse(req.body ?? {})
    const record = await parameters.setPolicy(req.params.id, requireApproval, actorOf(req))
    res.json({ requireApproval: record.requireApproval, changedBy: record.policyChangedBy, changedAt: record.policyChangedAt })
  })

  return router
}
