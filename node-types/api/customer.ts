/** Customer links (public: the token is the key) and the outbox of messages sent. */
import { z } from 'zod'
import { isoTime, jsonValue } from './common.js'
import { defineRoute } from './route.js'
import { taskFieldSchema } from './tasks.js'

export const customerRequestViewSchema = z.object({
  subject: z.string(),
  message: z.string(),
  kind: z.enum(['confirm', 'choose', 'fill', 'rate']),
  /** The answers the customer may give (each a port of the flow). */
  answers: z.array(z.string()),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  fields: z.array(taskFieldSchema).optional(),
  expiresAt: isoTime,
})
export type CustomerRequestView = z.infer<typeof customerRequestViewSchema>

export const deliverySchema = z.object({
  channel: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  at: isoTime.optional(),
  detail: z.string().optional(),
  error: z.string().optional(),
})
export type Delivery = z.infer<typeof deliverySchema>

export const messagePurposeSchema = z.enum(['request', 'reminder', 'notice'])
export type MessagePurpose = z.infer<typeof messagePurposeSchema>

export const outboxEntrySchema = z.object({
  id: z.string(),
  runId: z.string(),
  requestId: z.string().optional(),
  taskId: z.string().optional(),
  channel: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  purpose: messagePurposeSchema,
  createdAt: isoTime,
  /** The customer link's path, `/c/<token>`. */
  link: z.string().optional(),
  /** The link as a full URL, when the server knows its public address. */
  url: z.string().optional(),
  deliveries: z.array(deliverySchema),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>
/** The same message, as the editor's test-run panel uses it. */
export type OutboxMessage = OutboxEntry

export const outboxQuerySchema = z.object({
  runId: z.string().optional(),
  flowId: z.string().optional(),
  purpose: messagePurposeSchema.optional(),
  to: z.string().max(320).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})
export type OutboxQuery = z.input<typeof outboxQuerySchema>

const token = z.object({ token: z.string() })

export const customerRoutes = {
  view: defineRoute({
    method: 'get',
    path: '/customer/:token',
    tag: 'Customer links',
    summary: 'What a customer link asks (public: the signed token is the key)',
    params: token,
    responses: { 200: { description: 'The request', schema: customerRequestViewSchema } },
    errors: [404, 410],
  }),
  answer: defineRoute({
    method: 'post',
    path: '/customer/:token',
    tag: 'Customer links',
    summary: 'Answer a customer link (once)',
    params: token,
    body: z.object({ answer: z.string().min(1).max(100), data: z.record(z.string(), jsonValue).optional() }),
    bodyExample: { answer: 'pick', data: { date: '2026-03-04' } },
    responses: { 200: { description: 'Answered', schema: z.object({ ok: z.literal(true), answer: z.string() }) } },
    errors: [404, 409, 410, 422],
  }),
  outbox: defineRoute({
    method: 'get',
    path: '/outbox',
    tag: 'Customer links',
    summary: 'Messages sent to customers and reviewers, with where each delivery stands',
    query: outboxQuerySchema,
    responses: { 200: { description: 'Messages, newest first', schema: z.array(outboxEntrySchema) } },
  }),
}
