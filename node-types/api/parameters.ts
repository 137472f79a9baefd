/** Parameters for owners: versions of a flow's parameter values, approval, rollback, policy. */
import { z } from 'zod'
import { idParam, isoTime } from './common.js'
import { candidateEvaluationSchema } from './learning-loop.js'
import { defineRoute } from './route.js'

export type ParamValue = number | string | boolean
export const paramValuesBody = z.record(z.string().max(100), z.union([z.number(), z.string().max(1000), z.boolean()]))
const paramValue = z.union([z.number(), z.string(), z.boolean()])
/** Owner-set values: numbers, text or yes/no. */
export const paramValuesSchema = z.record(z.string(), paramValue)
const values = paramValuesSchema

export const parameterStatusSchema = z.enum(['pending', 'approved', 'rejected', 'superseded'])
export type ParameterStatus = z.infer<typeof parameterStatusSchema>

export const parameterVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['change', 'rollback', 'retrain']),
  /** Every owner-set value in force with this version (merged over the one before). */
  values,
  /** AI step node id → the dataset version it was retrained with. */
  datasets: z.record(z.string(), z.string()),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: isoTime,
  status: parameterStatusSchema,
  rollbackOf: z.number().int().optional(),
  decidedBy: z.string().optional(),
  decidedAt: isoTime.optional(),
  decisionNote: z.string().optional(),
  /** When new runs started using it. */
  effectiveFrom: isoTime.optional(),
  /** A model the learning loop proposed, with its figures and the model in force's. */
  candidate: candidateEvaluationSchema.optional(),
})
export type ParameterVersion = z.infer<typeof parameterVersionSchema>

export const parameterDefinitionSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['number', 'integer', 'string', 'boolean', 'duration']),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  description: z.string().optional(),
  /** The flow version's own value. */
  default: paramValue,
  /** The value new runs start with now. */
  value: paramValue,
})
export type ParameterDefinition = z.infer<typeof parameterDefinitionSchema>

export const flowParametersSchema = z.object({
  flowId: z.string(),
  flowVersion: z.number().int(),
  requireApproval: z.boolean(),
  parameters: z.array(parameterDefinitionSchema),
  values,
  current: parameterVersionSchema.nullable(),
  pending: z.array(parameterVersionSchema),
})
export type FlowParameters = z.infer<typeof flowParametersSchema>

const flowAndVersion = z.object({ id: z.string(), version: z.coerce.number().int().min(1) })
const note = z.object({ note: z.string().max(2000).optional() }).optional()

export const parameterRoutes = {
  get: defineRoute({ method: 'get', path: '/flows/:id/parameters', tag: 'Parameters', summary: "A flow's parameters: definitions, values in force, pending changes", params: idParam, responses: { 200: { description: 'Parameters', schema: flowParametersSchema } }, errors: [404] }),
  save: defineRoute({
    method: 'post',
    path: '/flows/:id/parameters',
    tag: 'Parameters',
    summary: 'Change parameter values (pending when the flow requires approval)',
    params: idParam,
    body: z.object({ values: paramValuesBody, reason: z.string().trim().min(1, 'say why the values change').max(2000) }),
    bodyExample: { values: { autoApproveAbove: 0.9 }, reason: 'too many overrides last week' },
    responses: { 201: { description: 'The new version', schema: parameterVersionSchema } },
    errors: [404, 422],
  }),
  versions: defineRoute({ method: 'get', path: '/flows/:id/parameters/versions', tag: 'Parameters', summary: 'Every version of the values', params: idParam, responses: { 200: { description: 'Versions, oldest first', schema: z.array(parameterVersionSchema) } }, errors: [404] }),
  rollback: defineRoute({
    method: 'post',
    path: '/flows/:id/parameters/rollback',
    tag: 'Parameters',
    summary: 'Go back to the values of an earlier version',
    params: idParam,
    body: z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1, 'say why you roll back').max(2000) }),
    responses: { 201: { description: 'The new version', schema: parameterVersionSchema } },
    errors: [404, 422],
  }),
  approve: defineRoute({ method: 'post', path: '/flows/:id/parameters/versions/:version/approve', tag: 'Parameters', summary: 'Approve a pending version (not your own)', params: flowAndVersion, body: note, responses: { 200: { description: 'The version now', schema: parameterVersionSchema } }, errors: [404, 409] }),
  reject: defineRoute({ method: 'post', path: '/flows/:id/parameters/versions/:version/reject', tag: 'Parameters', summary: 'Reject a pending version', params: flowAndVersion, body: note, responses: { 200: { description: 'The version now', schema: parameterVersionSchema } }, errors: [404, 409] }),
  policy: defineRoute({
    method: 'put',
    path: '/flows/:id/parameters/policy',
    tag: 'Parameters',
    summary: 'Whether a second person must approve changes',
    params: idParam,
    body: z.object({ requireApproval: z.boolean() }),
    responses: { 200: { description: 'The policy now', schema: z.object({ requireApproval: z.boolean(), changedBy: z.string().optional(), changedAt: isoTime.optional() }) } },
  }),
}
