/**
 * Running an approved tool call. A node type runs here and now, with an
 * idempotency key stable for this call (a retry after a crash sends the same
 * key); asking the customer becomes a customer request the step waits on,
 * and a published flow a child run it waits for.
 */
import { addDuration } from '../../expr/duration.js'
import type { ChatTool } from '../../sdk/chat.js'
import type { ChildRunSpec, CustomerRequestSpec, Json, JsonObject, NodeContext } from '../../sdk/types.js'
import type { ToolConfig } from './config.js'
import { customerToolSchema } from './config.js'
import type { PendingCall } from './state.js'

/** What the model sees of a customer tool: a message, and options to pick from. */
export const CUSTOMER_PARAMETERS: JsonObject = {
  type: 'object',
  properties: {
    message: { type: 'string', description: 'What to ask the customer' },
    options: { type: 'array', items: { type: 'string' }, description: 'Answers the customer may pick from; leave out to ask for a yes or no' },
  },
  required: ['message'],
}

/** The tools in the Chat Completions format. */
export function chatTools(tools: readonly ToolConfig[]): ChatTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.kind === 'customer' ? CUSTOMER_PARAMETERS : (tool.parameters as JsonObject) },
  }))
}

export type ToolOutcome = { done: { ok: boolean; result: Json } } | { ask: CustomerRequestSpec } | { child: ChildRunSpec }

export async function runTool(ctx: NodeContext, tool: ToolConfig, call: PendingCall): Promise<ToolOutcome> {
  const key = `${ctx.idempotencyKey}:${call.id}`
  if (tool.kind === 'customer') return { ask: customerRequest(ctx, tool, call.args) }
  // The engine starts the child once, under an id fixed in the same commit as this wait.
  if (tool.kind === 'sub-flow') return { child: { flowId: tool.flowId!, ...(tool.flowVersion ? { version: tool.flowVersion } : {}), input: call.args } }
  if (tool.kind === 'node-type') {
    if (!ctx.runNodeType) return { done: { ok: false, result: { error: 'this runtime cannot run node types as tools' } } }
    try {
      const { port, data } = await ctx.runNodeType(tool.nodeType!, tool.config, call.args, key)
      return { done: { ok: port !== 'error', result: { port, ...(data ?? {}) } } }
    } catch (error) {
      return { done: { ok: false, result: { error: error instanceof Error ? error.message : String(error) } } }
    }
  }
  return { done: { ok: false, result: { error: `tools of kind '${tool.kind}' are not available in this runtime` } } }
}

function customerRequest(ctx: NodeContext, tool: ToolConfig, args: JsonObject): CustomerRequestSpec {
  const settings = tool.customer ?? customerToolSchema.parse({})
  const options = Array.isArray(args.options) ? args.options.slice(0, 20).map((o) => ({ value: String(o), label: String(o) })) : []
  const kind = options.length > 0 ? 'choose' : 'confirm'
  return {
    to: String(ctx.evaluate(settings.to) ?? ''),
    subject: ctx.render(settings.subject),
    message: String(args.message ?? ''),
    kind,
    answers: kind === 'choose' ? ['choose'] : ['confirm', 'reject'],
    ...(kind === 'choose' ? { options } : {}),
    expiresAt: addDuration(ctx.now(), settings.expiresIn).toISOString(),
    remindAt: [],
  }
}
