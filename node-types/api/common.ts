/** Shapes every part of the API shares: the error answer, validation problems, ids and times. */
import { z } from 'zod'

export const isoTime = z.string().meta({ description: 'A time, ISO 8601 with offset', example: '2026-03-01T09:30:00.000Z' })
export const jsonValue = z.json()
export const jsonObject = z.record(z.string(), z.json())

/** One problem of a flow document, with the JSON path it is at. */
export const problemSchema = z.object({
  path: z.string().meta({ example: 'edges[2].target' }),
  code: z.string().meta({ example: 'edge.dangling' }),
  message: z.string().meta({ example: "edge e7 points to node 'reveiw', which does not exist" }),
})

/**
 * Every error answer: a stable `code` to branch on, a sentence saying what
 * was wrong and where, and for bad input the `problems` one by one.
 */
export const errorSchema = z
  .object({
    error: z.looseObject({
      code: z.string().meta({ description: 'Stable, e.g. BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, FLOW_INVALID' }),
      message: z.string(),
      problems: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    }),
  })
  .meta({ example: { error: { code: 'BAD_REQUEST', message: 'body.decision: Invalid input: expected string, received undefined', problems: [{ path: 'body.decision', message: 'Invalid input: expected string, received undefined' }] } } })

export type ApiErrorBody = z.infer<typeof errorSchema>

/** `{ id }` path parameters. */
export const idParam = z.object({ id: z.string().min(1) })
/** An optional JSON body that may be left out entirely. */
export const noBody = z.object({}).optional()

export const okSchema = z.object({ ok: z.literal(true) })
