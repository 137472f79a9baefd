/**
 * The `ai-agent` step's config: instructions, provider and model, tools (each
 * with the JSON Schema the model sees and an approval rule), limits and the
 * schema of the final answer.
 */
import { z } from 'zod'
import { duration, expression, template } from '../../sdk/fields.js'

const toolName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/, 'a tool name is letters, digits, _ and -, starting with a letter (the model calls it by this name)')

export const approvalSchema = z
  .object({
    mode: z
      .enum(['never', 'always', 'when'])
      .default('never')
      .meta({ title: 'Needs approval', description: 'never · always · when the condition over the call’s arguments holds' }),
    when: expression('Condition', 'args.amount > 200').optional().meta({ description: 'CEL over `args` (the call’s arguments), `input`, `nodes`, `params`' }),
    role: z.string().min(1).default('reviewer').meta({ title: 'Approver role' }),
    approvals: z.number().int().min(1).max(5).default(1).meta({ title: 'Distinct approvers needed', description: '2 = four eyes' }),
    due: duration('Due within').optional(),
    onDeadline: z
      .enum(['remind', 'escalate', 'reject'])
      .default('remind')
      .meta({ title: 'At the deadline', description: 'remind the role · escalate to another role · reject the call' }),
    escalateTo: z.string().min(1).optional().meta({ title: 'Escalate to role' }),
  })
  .default({ mode: 'never', role: 'reviewer', approvals: 1, onDeadline: 'remind' })

export const customerToolSchema = z.object({
  to: expression('Send to', 'input.email').default('input.email'),
  subject: template('Subject').default('Please answer'),
  expiresIn: duration('Link expires after').default('P3D'),
})

export const toolSchema = z.object({
  name: toolName.meta({ title: 'Name', description: 'What the model calls, e.g. refund_payment' }),
  description: z.string().min(1).max(2000).meta({ title: 'Description', description: 'What the model reads to decide when to call it' }),
  parameters: z
    .record(z.string(), z.unknown())
    .default({ type: 'object', properties: {} })
    .meta({ title: 'Arguments (JSON Schema)', description: 'The input schema the model sees; its arguments are checked against it' }),
  kind: z
    .enum(['node-type', 'customer', 'sub-flow'])
    .default('node-type')
    .meta({ title: 'Runs', description: 'a node type · asking the customer (the model’s `message`, optional `options`) · a published flow' }),
  nodeType: z.string().min(1).optional().meta({ title: 'Node type', description: 'For “a node type”: its id; the arguments are its input' }),
  config: z.record(z.string(), z.unknown()).default({}).meta({ title: 'Node type config' }),
  customer: customerToolSchema.optional().meta({ title: 'Asking the customer' }),
  flowId: z.string().min(1).optional().meta({ title: 'Flow', description: 'For “a published flow”: its id; the arguments are its input, its outcome and output the result' }),
  flowVersion: z.number().int().min(1).optional().meta({ title: 'Flow version', description: 'Default: the latest published one when the call runs' }),
  approval: approvalSchema.meta({ title: 'Approval' }),
})

export const agentConfigSchema = z.object({
  instructions: template('Instructions', 'You handle refund requests for {{ input.customer }}. Refund only what the order shows.').default(
    'You are a helpful assistant. Use the tools when they help.',
  ),
  prompt: template('Task', '{{ input.request }}').default('{{ input }}').meta({ description: 'The first user message' }),
  provider: z.string().min(1).default('openai').meta({ title: 'Provider', description: 'An OpenAI-compatible provider configured on the server (INLOOP_OPENAI_BASE_URL)' }),
  model: z.string().optional().meta({ title: 'Model', description: 'Default: the provider’s model' }),
  tools: z.array(toolSchema).max(32).default([]).meta({ title: 'Tools' }),
  maxTurns: z.number().int().min(1).max(50).default(10).meta({ title: 'Most model turns', description: 'Then the step leaves by “limit”' }),
  maxToolCalls: z.number().int().min(0).max(200).default(20).meta({ title: 'Most tool calls', description: 'Then the step leaves by “limit”' }),
  outputSchema: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ title: 'Final answer (JSON Schema)', description: 'The final answer must be JSON of this shape; without it, the answer is text' }),
})

export type AgentConfig = z.output<typeof agentConfigSchema>
export type ToolConfig = z.output<typeof toolSchema>
export type ApprovalConfig = z.output<typeof approvalSchema>
