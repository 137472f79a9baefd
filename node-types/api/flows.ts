/** Flows: drafts, validation, versions, samples, and starting runs. */
import { z } from 'zod'
import { flowSchema } from '../flow/schema.js'
import { idParam, isoTime, problemSchema } from './common.js'
import { defineRoute } from './route.js'

export const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  latestVersion: z.number().int(),
  updatedAt: isoTime,
  /** The draft differs from the latest published version (or nothing is published). */
  hasDraftChanges: z.boolean(),
})
export type FlowSummary = z.infer<typeof flowSummarySchema>

export const flowRecordSchema = z.object({ flow: flowSchema, updatedAt: isoTime, updatedBy: z.string().optional(), latestVersion: z.number().int() })
export type FlowRecord = z.infer<typeof flowRecordSchema>

export const versionInfoSchema = z.object({ version: z.number().int(), publishedAt: isoTime, publishedBy: z.string().optional(), note: z.string().optional() })
export type VersionInfo = z.infer<typeof versionInfoSchema>

export const sampleSchema = z.object({ name: z.string(), input: z.unknown() })
export type Sample = z.infer<typeof sampleSchema>

export const validationSchema = z.object({ ok: z.boolean(), problems: z.array(problemSchema).optional() })
export const startRunBody = z.object({ input: z.unknown().optional(), idempotencyKey: z.string().min(1).max(200).optional() }).optional()
export const testRunBody = z.object({ input: z.unknown().optional(), flow: z.unknown().optional() }).optional()
export const publishBody = z.object({ note: z.string().max(2000).optional() }).optional()

const flowIdVersion = z.object({ id: z.string(), version: z.coerce.number().int().min(1) })
const loanFlowExample = { schemaVersion: 1, id: 'loan', name: 'Loan approval', nodes: [{ id: 'start', type: 'start', typeVersion: 1, position: { x: 0, y: 0 }, config: {} }], edges: [] }

export const flowRoutes = {
  validate: defineRoute({
    method: 'post',
    path: '/flows/validate',
    tag: 'Flows',
    summary: 'Check a flow document without saving it',
    body: flowSchema,
    bodyCheckedByHandler: true,
    bodyExample: loanFlowExample,
    responses: {
      200: { description: 'The flow is valid', schema: validationSchema, example: { ok: true } },
      422: { description: 'The flow has problems, each with its path', schema: validationSchema },
    },
  }),
  list: defineRoute({
    method: 'get',
    path: '/flows',
    tag: 'Flows',
    summary: 'Every flow, with its latest version',
    responses: { 200: { description: 'Flows', schema: z.array(flowSummarySchema) } },
  }),
  get: defineRoute({
    method: 'get',
    path: '/flows/:id',
    tag: 'Flows',
    summary: "A flow's draft",
    params: idParam,
    responses: { 200: { description: 'The draft and its latest published version (0 for none)', schema: flowRecordSchema } },
    errors: [404],
  }),
  save: defineRoute({
    method: 'put',
    path: '/flows/:id',
    tag: 'Flows',
    summary: 'Save the draft (a draft may still have problems; they are listed)',
    params: idParam,
    body: flowSchema,
    bodyCheckedByHandler: true,
    bodyExample: loanFlowExample,
    responses: { 200: { description: 'Saved, with the problems it still has', schema: z.object({ ok: z.literal(true), problems: z.array(problemSchema) }) } },
    errors: [422],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/flows/:id',
    tag: 'Flows',
    summary: 'Delete a flow and its versions (refused while runs wait on it)',
    params: idParam,
    responses: { 204: { description: 'Deleted' } },
    errors: [404, 409],
  }),
  publish: defineRoute({
    method: 'post',
    path: '/flows/:id/publish',
    tag: 'Flows',
    summary: 'Publish the draft as a new version',
    params: idParam,
    body: publishBody,
    bodyExample: { note: 'raise the grey zone to 0.7' },
    responses: { 201: { description: 'The new version number', schema: z.object({ version: z.number().int() }), example: { version: 3 } } },
    errors: [404, 422],
  }),
  versions: defineRoute({
    method: 'get',
    path: '/flows/:id/versions',
    tag: 'Flows',
    summary: 'Published versions, oldest first',
    params: idParam,
    responses: { 200: { description: 'Versions', schema: z.array(versionInfoSchema) } },
    errors: [404],
  }),
  version: defineRoute({
    method: 'get',
    path: '/flows/:id/versions/:version',
    tag: 'Flows',
    summary: 'One published version',
    params: flowIdVersion,
    responses: { 200: { description: 'The flow document as published', schema: flowSchema } },
    errors: [404],
  }),
  samples: defineRoute({
    method: 'get',
    path: '/flows/:id/samples',
    tag: 'Flows',
    summary: 'Sample inputs shipped with an example flow',
    params: idParam,
    responses: { 200: { description: 'Samples (empty for none)', schema: z.array(sampleSchema) } },
  }),
  startRun: defineRoute({
    method: 'post',
    path: '/flows/:id/runs',
    tag: 'Runs',
    summary: 'Start a run of the latest published version',
    description: 'With an `idempotencyKey`, a second start with the same key returns the first run (200, `created: false`).',
    params: idParam,
    body: startRunBody,
    bodyExample: { input: { applicant: 'Ada', amount: 12000 }, idempotencyKey: 'order-4711' },
    responses: {
      201: { description: 'Started', schema: z.object({ runId: z.string(), created: z.boolean() }), example: { runId: 'r_01HV7', created: true } },
      200: { description: 'Already started with this idempotency key', schema: z.object({ runId: z.string(), created: z.boolean() }) },
    },
    errors: [404, 409, 422],
  }),
  testRun: defineRoute({
    method: 'post',
    path: '/flows/:id/test-runs',
    tag: 'Runs',
    summary: 'Start a test run of the draft (or of the flow sent)',
    params: idParam,
    body: testRunBody,
    responses: { 201: { description: 'Started', schema: z.object({ runId: z.string() }) } },
    errors: [404, 422],
  }),
}
