/** Runs: list and search, one run, its event log, its audit trail, cancel and retry. */
import { z } from 'zod'
import { idParam, isoTime, jsonObject } from './common.js'
import { defineRoute } from './route.js'

export const runStatusSchema = z.enum(['running', 'waiting', 'completed', 'failed', 'cancelled'])
export type RunStatus = z.infer<typeof runStatusSchema>

const runError = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() })

/** A run in a list (`GET /api/runs`), with its input when asked for. */
export const runSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowVersion: z.number().int(),
  status: runStatusSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
  outcome: z.string().optional(),
  test: z.boolean(),
  input: jsonObject.optional(),
})
export type RunSummary = z.infer<typeof runSummarySchema>

/** `GET /api/runs/:id`: a run, and where it waits. */
export const runViewSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowVersion: z.number().int(),
  status: runStatusSchema,
  test: z.boolean(),
  input: jsonObject,
  createdAt: isoTime,
  updatedAt: isoTime,
  outcome: z.string().optional(),
  output: jsonObject.optional(),
  error: runError.optional(),
  /** Set on a child run (a sub-flow): the run and step that started it. */
  parent: z.object({ runId: z.string(), nodeId: z.string(), exec: z.string() }).nullable(),
  /** Child runs this run's steps started (sub-flows), oldest first. */
  children: z.array(
    z.object({
      runId: z.string(),
      nodeId: z.string(),
      flowId: z.string(),
      status: z.enum(['running', 'completed', 'failed', 'cancelled']),
      outcome: z.string().nullable(),
    }),
  ),
  waitingOn: z.array(z.object({ nodeId: z.string(), since: isoTime, tasks: z.array(z.string()), requests: z.array(z.string()) })),
})
export type RunDetail = z.infer<typeof runViewSchema>
/** What cancel and retry answer: the run as it is now. */
export type RunInfo = RunDetail

/**
 * One event of a run's log. Each `type` carries its own fields (see the
 * README's run log); those most screens read are named here.
 */
export const runEventSchema = z.looseObject({
  type: z.string().meta({ example: 'node.completed' }),
  /** Position in the run's log, from 1. */
  seq: z.number().int(),
  at: isoTime,
  nodeId: z.string().optional(),
  port: z.string().optional(),
  output: z.unknown().optional(),
  taskId: z.string().optional(),
  requestId: z.string().optional(),
  outcome: z.string().optional(),
  error: z.unknown().optional(),
})
export type RunEvent = z.infer<typeof runEventSchema>

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoTime,
  /** A username, `customer`, `system`, or `key:<name>` for an API key. */
  actor: z.string(),
  /** The event type, e.g. `task.decided`. */
  action: z.string(),
  summary: z.string(),
  nodeId: z.string().optional(),
  /** The step's label in the flow. */
  step: z.string().optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  flowVersion: z.number().int(),
  status: runStatusSchema,
  outcome: z.string().optional(),
  test: z.boolean(),
  entries: z.array(auditEntrySchema),
})

export const runListQuery = z.object({
  flowId: z.string().optional(),
  status: runStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Runs created before this run id (the next page). */
  before: z.string().optional(),
  /** Part of a run id or of any input value. */
  q: z.string().max(200).optional(),
  test: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** `input`: each run's input too. */
  include: z.literal('input').optional(),
})

export const runRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/runs',
    tag: 'Runs',
    summary: 'Runs, newest first; filter by flow and status, search by id or input value',
    query: runListQuery,
    responses: { 200: { description: 'Runs', schema: z.array(runSummarySchema) } },
  }),
  get: defineRoute({ method: 'get', path: '/runs/:id', tag: 'Runs', summary: 'One run, and where it waits', params: idParam, responses: { 200: { description: 'The run', schema: runViewSchema } }, errors: [404] }),
  events: defineRoute({
    method: 'get',
    path: '/runs/:id/events',
    tag: 'Runs',
    summary: "A run's event log, from after a sequence number",
    params: idParam,
    query: z.object({ after: z.coerce.number().int().min(0).default(0) }),
    responses: { 200: { description: 'Events in order', schema: z.array(runEventSchema) } },
    errors: [404],
  }),
  cancel: defineRoute({
    method: 'post',
    path: '/runs/:id/cancel',
    tag: 'Runs',
    summary: 'Cancel a run that is running or waiting',
    params: idParam,
    body: z.object({ reason: z.string().max(2000).default('cancelled') }).optional(),
    bodyExample: { reason: 'customer withdrew the application' },
    responses: { 200: { description: 'The run now', schema: runViewSchema } },
    errors: [404, 409],
  }),
  retry: defineRoute({
    method: 'post',
    path: '/runs/:id/retry',
    tag: 'Runs',
    summary: 'Retry a failed run from the step that failed',
    params: idParam,
    responses: { 200: { description: 'The run now', schema: runViewSchema } },
    errors: [404, 409],
  }),
  audit: defineRoute({
    method: 'get',
    path: '/runs/:id/audit',
    tag: 'Runs',
    summary: 'Who did what when: the audit trail of a run',
    params: idParam,
    query: z.object({ format: z.enum(['json', 'csv', 'jsonl']).default('json') }),
    responses: { 200: { description: 'The trail; `?format=csv` or `jsonl` downloads it', schema: auditSchema, alsoAs: ['text/csv', 'application/x-ndjson'] } },
    errors: [404],
  }),
}
