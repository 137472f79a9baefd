/** The reviewer inbox: query tasks, read one with its context, decide, claim, release, hand on. */
import { z } from 'zod'
import { idParam, isoTime, jsonObject, jsonValue } from './common.js'
import { runStatusSchema } from './runs.js'
import { defineRoute } from './route.js'
import { NAME_PATTERN } from './people.js'

export const taskStatusSchema = z.enum(['open', 'decided', 'closed'])
export type TaskStatus = z.infer<typeof taskStatusSchema>

export const taskFieldSchema = z.object({ name: z.string(), label: z.string(), type: z.enum(['string', 'number', 'boolean', 'date']), value: jsonValue.optional() })
export type TaskField = z.infer<typeof taskFieldSchema>

const approval = z.object({ decision: z.string(), by: z.string(), at: isoTime, reason: z.string().optional() })
export type Approval = z.infer<typeof approval>

export const taskDecisionSchema = z.object({
  decision: z.string(),
  by: z.string(),
  at: isoTime,
  reason: z.string().optional(),
  data: jsonObject,
  corrections: z.record(z.string(), z.object({ from: jsonValue, to: jsonValue })),
  reviewers: z.array(z.string()),
})
export type TaskDecision = z.infer<typeof taskDecisionSchema>

/** One task, as `GET /api/tasks` lists it. */
export const taskSchema = z.object({
  id: z.string(),
  runId: z.string(),
  flowId: z.string(),
  flowVersion: z.number().int(),
  nodeId: z.string(),
  exec: z.string(),
  title: z.string(),
  /** The reviewer group. */
  role: z.string(),
  decisions: z.array(z.string()),
  /** Button label per decision, as the flow's designer wrote it. */
  decisionLabels: z.record(z.string(), z.string()).optional(),
  show: jsonObject,
  form: z.array(taskFieldSchema),
  proposedDecision: z.string().optional(),
  dueAt: isoTime.optional(),
  requiredApprovals: z.number().int(),
  /** The decisions that need every one of `requiredApprovals` reviewers (four eyes). */
  approvalDecisions: z.array(z.string()),
  status: taskStatusSchema,
  createdAt: isoTime,
  assignee: z.string().optional(),
  claimedAt: isoTime.optional(),
  approvals: z.array(approval),
  decision: taskDecisionSchema.optional(),
  closedReason: z.string().optional(),
})
export type InboxTask = z.infer<typeof taskSchema>
/** The same task, as the editor's test-run panel uses it. */
export type TaskInfo = InboxTask

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), taskId: z.string(), nodeId: z.string(), title: z.string(), decision: z.string(), by: z.string(), at: isoTime, reason: z.string().optional(), corrections: taskDecisionSchema.shape.corrections, reviewers: z.array(z.string()) }),
  z.object({ kind: z.literal('approval'), taskId: z.string(), nodeId: z.string(), title: z.string(), decision: z.string(), by: z.string(), at: isoTime, reason: z.string().optional() }),
  z.object({ kind: z.literal('customer'), requestId: z.string(), nodeId: z.string(), answer: z.string(), data: jsonObject, at: isoTime }),
])
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** `GET /api/tasks/:id`: the task with what its page shows around it. */
export const taskDetailSchema = taskSchema.extend({
  overdue: z.boolean(),
  flowName: z.string(),
  stepLabel: z.string(),
  run: z.object({ id: z.string(), flowId: z.string(), flowVersion: z.number().int(), status: runStatusSchema, test: z.boolean(), requestedBy: z.string().optional(), createdAt: isoTime }),
  history: z.array(historyEntrySchema),
})
export type TaskDetail = z.infer<typeof taskDetailSchema>

export const taskQuerySchema = z.object({
  status: taskStatusSchema.optional(),
  runId: z.string().optional(),
  flowId: z.string().optional(),
  /** The reviewer group (`role` is its older name). */
  group: z.string().optional(),
  role: z.string().optional(),
  /** `me`, `none` (unclaimed) or a username. */
  assignee: z.string().min(1).max(100).optional(),
  /** `overdue` (due before now), `today` (due before the end of today, UTC), `week` (due within 7 days). */
  due: z.enum(['overdue', 'today', 'week']).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  dueAfter: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['due', 'created']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type TaskQuery = z.input<typeof taskQuerySchema>

export const decisionBody = z.object({
  decision: z.string().min(1).max(100),
  data: z.record(z.string(), jsonValue).optional(),
  reason: z.string().max(5000).optional(),
})

const runBrief = z.object({ id: z.string(), status: runStatusSchema, outcome: z.string().optional() })
export const decisionResultSchema = z.object({
  status: z.enum(['decided', 'pending']),
  /** Four eyes: agreeing reviewers so far, and how many are needed. */
  approvals: z.number().int().optional(),
  required: z.number().int().optional(),
  task: taskSchema,
  run: runBrief,
})
export type DecisionResult = z.infer<typeof decisionResultSchema>

export const reassignBody = z
  .object({ group: z.string().regex(NAME_PATTERN).optional(), assignee: z.string().regex(NAME_PATTERN).optional(), reason: z.string().max(2000).optional() })
  .refine((b) => b.group !== undefined || b.assignee !== undefined, { message: 'name a group, an assignee, or both' })

const taskAnswer = z.object({ task: taskSchema })

export const taskRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/tasks',
    tag: 'Tasks',
    summary: 'The inbox: tasks a caller may see (a reviewer: its groups)',
    description: 'The total before paging is in the `X-Total-Count` header.',
    query: taskQuerySchema,
    responses: { 200: { description: 'Tasks', schema: z.array(taskSchema) } },
  }),
  get: defineRoute({ method: 'get', path: '/tasks/:id', tag: 'Tasks', summary: 'One task, with its run, step and earlier answers', params: idParam, responses: { 200: { description: 'The task', schema: taskDetailSchema } }, errors: [404] }),
  decide: defineRoute({
    method: 'post',
    path: '/tasks/:id/decision',
    tag: 'Tasks',
    summary: 'Decide a task (four eyes: 202 until enough reviewers agree)',
    params: idParam,
    body: decisionBody,
    bodyExample: { decision: 'approve', data: { amount: 11500 }, reason: 'income verified by phone' },
    responses: {
      200: { description: 'Decided; the run moved on', schema: decisionResultSchema },
      202: { description: 'Recorded; more reviewers must agree', schema: decisionResultSchema },
    },
    errors: [404, 409, 422],
  }),
  claim: defineRoute({ method: 'post', path: '/tasks/:id/claim', tag: 'Tasks', summary: 'Claim a task: others in the group may not decide it meanwhile', params: idParam, responses: { 200: { description: 'The task now', schema: taskAnswer } }, errors: [404, 409] }),
  release: defineRoute({ method: 'post', path: '/tasks/:id/release', tag: 'Tasks', summary: 'Give a claimed task back to its group', params: idParam, responses: { 200: { description: 'The task now', schema: taskAnswer } }, errors: [404, 409] }),
  reassign: defineRoute({
    method: 'post',
    path: '/tasks/:id/reassign',
    tag: 'Tasks',
    summary: 'Hand a task to another group or person',
    params: idParam,
    body: reassignBody,
    bodyExample: { group: 'senior-credit', reason: 'above my limit' },
    responses: { 200: { description: 'The task now', schema: taskAnswer } },
    errors: [404, 409, 422],
  }),
}
