/**
 * `ai-agent`: a model that calls tools, with a person approving the calls
 * that matter. Each model turn, tool call, approval and tool result is its
 * own commit in the run's log (see step.ts), so a crash loses nothing and
 * runs nothing approved twice. Leaves by `done` with the final answer
 * (checked against the output schema), `error` when the model cannot be
 * reached, or `limit` when it runs out of turns or tool calls.
 */
import { templateChecks } from '../../expr/template.js'
import { defineNodeType } from '../../sdk/define-node-type.js'
import type { ConfigProblem } from '../../sdk/define-node-type.js'
import type { JsonObject } from '../../sdk/types.js'
import { agentConfigSchema } from './config.js'
import { schemaError } from './json-schema.js'
import { continueWith } from './results.js'
import { resumeAgent } from './resume.js'
import { fromJson, type AgentState } from './state.js'

export const aiAgent = defineNodeType({
  type: 'ai-agent',
  version: 1,
  title: 'AI agent',
  description: 'A model that calls tools until it has an answer; calls you mark need a person’s approval in the inbox. Leaves by “done”, “error” or “limit”.',
  category: 'ai',
  icon: 'sparkles',
  color: '#6d28d9',
  waits: true,
  retrySafe: false,
  outputs: ['done', 'error', 'limit'],
  optionalOutputs: ['error'],
  config: agentConfigSchema,
  check: (config) => {
    const problems: ConfigProblem[] = []
    const names = config.tools.map((t) => t.name)
    config.tools.forEach((tool, i) => {
      if (names.indexOf(tool.name) !== i) problems.push({ path: ['tools', i, 'name'], message: `tool '${tool.name}' appears twice` })
      if (tool.kind === 'node-type' && !tool.nodeType) problems.push({ path: ['tools', i, 'nodeType'], message: 'name the node type this tool runs' })
      if (tool.kind === 'sub-flow' && !tool.flowId) problems.push({ path: ['tools', i, 'flowId'], message: 'name the flow this tool runs' })
      if (tool.approval.mode === 'when' && !tool.approval.when) problems.push({ path: ['tools', i, 'approval', 'when'], message: 'write the condition, e.g. args.amount > 200' })
      if (tool.approval.onDeadline === 'escalate' && !tool.approval.escalateTo) problems.push({ path: ['tools', i, 'approval', 'escalateTo'], message: 'escalating needs a role to escalate to' })
      const bad = schemaError(tool.parameters as JsonObject)
      if (bad) problems.push({ path: ['tools', i, 'parameters'], message: `not a JSON Schema zod can use: ${bad}` })
    })
    const badOutput = config.outputSchema && schemaError(config.outputSchema as JsonObject)
    if (badOutput) problems.push({ path: ['outputSchema'], message: `not a JSON Schema zod can use: ${badOutput}` })
    return problems
  },
  expressions: (config) => [
    ...templateChecks(['instructions'], config.instructions),
    ...templateChecks(['prompt'], config.prompt),
    ...config.tools.flatMap((tool, i) => (tool.approval.mode === 'when' && tool.approval.when ? [{ path: ['tools', i, 'approval', 'when'], source: tool.approval.when }] : [])),
  ],
  calls: (config) => config.tools.flatMap((t) => (t.kind === 'sub-flow' && t.flowId ? [{ flowId: t.flowId, version: t.flowVersion }] : [])),
  summary: (config) => {
    const gated = config.tools.filter((t) => t.approval.mode !== 'never').length
    return `${config.tools.length} tool${config.tools.length === 1 ? '' : 's'}${gated ? ` · ${gated} need approval` : ''} · ≤ ${config.maxTurns} turns`
  },
  // The model is asked in the first `continue` step, not here: starting a run does not wait on a model.
  execute: (ctx, _input, config) => {
    const state: AgentState = {
      messages: [
        { role: 'system', content: ctx.render(config.instructions) },
        { role: 'user', content: ctx.render(config.prompt) },
      ],
      turns: 0,
      toolCalls: 0,
      queue: [],
      approvals: [],
      last: { kind: 'started' },
    }
    return continueWith(ctx, state)
  },
  resume: (ctx, signal, config, state) => resumeAgent(ctx, signal, config, fromJson(state)),
})
