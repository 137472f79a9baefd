/**
 * What the model asked for, checked before anything runs: a tool that
 * exists, arguments that are a JSON object matching the tool's schema.
 * A bad call becomes a tool error the model reads, not a failed run.
 */
import type { ChatToolCall } from '../../sdk/chat.js'
import type { JsonObject } from '../../sdk/types.js'
import type { AgentConfig, ToolConfig } from './config.js'
import { schemaProblems } from './json-schema.js'

export type CheckedCall = { ok: true; tool: ToolConfig; args: JsonObject } | { ok: false; error: string }

/** Arguments as the model wrote them, parsed; undefined when they are not a JSON object. */
export function parseArgs(call: ChatToolCall): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(call.function.arguments || '{}')
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined
  } catch {
    return undefined
  }
}

export function checkCall(config: AgentConfig, name: string, args: JsonObject | undefined): CheckedCall {
  const tool = config.tools.find((t) => t.name === name)
  if (!tool) {
    const known = config.tools.map((t) => t.name).join(', ') || 'none'
    return { ok: false, error: `There is no tool '${name}'. Available tools: ${known}.` }
  }
  if (!args) return { ok: false, error: `The arguments for '${name}' are not a JSON object; send them as JSON matching the tool's parameters.` }
  const problems = schemaProblems(tool.parameters as JsonObject, args)
  if (problems.length > 0) return { ok: false, error: `The arguments for '${name}' do not match its parameters: ${problems.join('; ')}.` }
  return { ok: true, tool, args }
}
