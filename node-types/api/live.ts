/**
 * The live view: `GET /api/stream` (server-sent events of run events) and
 * `GET /api/flows/:id/live` (a flow's counts now, with the id of the last
 * event they include — open the stream from that id and nothing is missed).
 */
import { z } from 'zod'
import { idParam, isoTime } from './common.js'
import { defineRoute } from './route.js'
import { runEventSchema, runStatusSchema } from './runs.js'

export const nodeLiveSchema = z.object({
  running: z.number().int(),
  waiting: z.number().int(),
  failed: z.number().int(),
  doneToday: z.number().int(),
  /** When the oldest run waiting here started to wait. */
  oldestWaitingSince: isoTime.optional(),
})
export type NodeLiveWire = z.infer<typeof nodeLiveSchema>

export const runCountsSchema = z.object({ running: z.number().int(), waiting: z.number().int(), failed: z.number().int(), completedToday: z.number().int() })
export type RunCounts = z.infer<typeof runCountsSchema>

export const livePatchSchema = z.object({
  nodes: z.record(z.string(), nodeLiveSchema),
  /** Runs that left `source` by `port` (each run once). */
  ports: z.array(z.object({ source: z.string(), port: z.string(), runs: z.number().int() })),
  runs: runCountsSchema,
})
export type LivePatchWire = z.infer<typeof livePatchSchema>

export const liveSnapshotSchema = livePatchSchema.extend({
  flowId: z.string(),
  /** UTC day the `doneToday` and `completedToday` counts are for. */
  day: z.string(),
  eventId: z.number().int(),
})
export type LiveSnapshotWire = z.infer<typeof liveSnapshotSchema>

/** One `run` message of the stream. */
export const streamMessageSchema = z.object({
  id: z.number().int(),
  runId: z.string(),
  flowId: z.string(),
  status: runStatusSchema,
  test: z.boolean(),
  event: runEventSchema,
  live: livePatchSchema.optional(),
})
export type StreamMessage = z.infer<typeof streamMessageSchema>

/** A `summary` message: what a slow connection skipped, and the counts now. */
export const streamSummarySchema = z.object({
  skipped: z.object({ from: z.number().int(), to: z.number().int() }),
  runs: z.array(z.string()).nullable(),
  live: liveSnapshotSchema.omit({ eventId: true }).optional(),
})
export type StreamSummary = z.infer<typeof streamSummarySchema>

export const liveRoutes = {
  stream: defineRoute({
    method: 'get',
    path: '/stream',
    tag: 'Live',
    summary: 'Server-sent events of run events (`run` and `summary` messages)',
    description: 'Each `run` message is a StreamMessage as JSON; resume with `Last-Event-ID` (or `?lastEventId=` on the first connection after a snapshot).',
    query: z.object({ flowId: z.string().optional(), runId: z.string().optional(), lastEventId: z.string().regex(/^\d+$/, 'an event id is a whole number').transform(Number).optional() }),
    responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' } },
  }),
  live: defineRoute({
    method: 'get',
    path: '/flows/:id/live',
    tag: 'Live',
    summary: "A flow's live counts now, with the id of the last event they include",
    params: idParam,
    responses: { 200: { description: 'Counts per step, port and run status', schema: liveSnapshotSchema } },
    errors: [404, 501],
  }),
}
