/**
 * Trying a flow on past runs: `POST /api/flows/:id/replay`. One declaration
 * of the request and the answer, shared by the route that parses and the
 * designer that asks.
 */
import { z } from 'zod'
import { idParam } from './common.js'
import { defineRoute } from './route.js'

const iso = z.iso.datetime({ offset: true })

export const replayRequestSchema = z
  .object({
    /** A draft to try (the flow JSON); default: the flow's saved draft. */
    flow: z.record(z.string(), z.unknown()).optional(),
    /** A published version to try instead of a draft. */
    version: z.number().int().min(1).optional(),
    /** Only runs started at or after `from` and before `to`. */
    from: iso.optional(),
    to: iso.optional(),
    /** The most recent runs to replay (default 10,000). */
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((r) => !(r.flow && r.version !== undefined), { message: 'give a draft ("flow") or a "version", not both', path: ['version'] })

export type ReplayRequest = z.infer<typeof replayRequestSchema>

/** How a case ended: `completed` with an outcome, or `failed`. */
export const endingSchema = z.object({ status: z.enum(['completed', 'failed']), outcome: z.string().optional() })

/**
 * - `same`: the tried flow ends the case as it ended.
 * - `different`: it ends it otherwise.
 * - `needs-person`: it asks a reviewer or the customer something nobody was asked in the case.
 * - `cannot-tell`: the record does not say what a step would do (see `reason`).
 */
export const verdictSchema = z.enum(['same', 'different', 'needs-person', 'cannot-tell'])

export const movedCaseSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  verdict: verdictSchema,
  before: endingSchema,
  after: endingSchema.optional(),
  /** Where a person would be needed, or where the record stops telling. */
  nodeId: z.string().optional(),
  who: z.enum(['reviewer', 'customer']).optional(),
  role: z.string().optional(),
  reason: z.string().optional(),
})

const countsSchema = z.object({ before: z.number().int(), after: z.number().int() })

export const replayResponseSchema = z.object({
  flowId: z.string(),
  /** What was tried: a draft, or a published version. */
  tried: z.object({ kind: z.enum(['draft', 'version']), version: z.number().int().optional() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Finished runs replayed (newest `limit` of the period). */
  cases: z.number().int(),
  /** Runs of the period left out: still running or waiting, or cancelled. */
  skipped: z.number().int(),
  totals: z.object({ same: z.number().int(), different: z.number().int(), needsPerson: z.number().int(), cannotTell: z.number().int() }),
  /** Cases per ending (`failed`, or the outcome), as recorded and as replayed. */
  outcomes: z.array(countsSchema.extend({ outcome: z.string() })),
  /** Cases through each step and each connection, as recorded and as replayed. */
  paths: z.object({
    nodes: z.array(countsSchema.extend({ nodeId: z.string() })),
    edges: z.array(countsSchema.extend({ source: z.string(), sourcePort: z.string(), target: z.string() })),
  }),
  /** Where people who were not asked would be needed, by step. */
  needsPerson: z.array(z.object({ nodeId: z.string(), who: z.enum(['reviewer', 'customer']), role: z.string().optional(), cases: z.number().int() })),
  /** Why cases cannot be told, by reason. */
  cannotTell: z.array(z.object({ reason: z.string(), nodeId: z.string().optional(), cases: z.number().int() })),
  /** Cases whose ending changes or that would need a person, newest first (at most 200). */
  moved: z.array(movedCaseSchema),
  movedTotal: z.number().int(),
  /** How long the replay took on the server. */
  ms: z.number(),
})

export type ReplayResponse = z.infer<typeof replayResponseSchema>
export type MovedCase = z.infer<typeof movedCaseSchema>
export type Verdict = z.infer<typeof verdictSchema>

export const replayRoutes = {
  replay: defineRoute({
    method: 'post',
    path: '/flows/:id/replay',
    tag: 'Learning',
    summary: 'Try a draft or another version on past runs, with no side effects',
    params: idParam,
    body: replayRequestSchema.optional(),
    bodyExample: { version: 2, from: '2026-01-01T00:00:00Z' },
    responses: { 200: { description: 'Same / different / needs a person / cannot tell, per case and in total', schema: replayResponseSchema } },
    errors: [404, 422],
  }),
}
