/**
 * The final answer: the first assistant message without tool calls. With an
 * output schema it must be JSON of that shape; a model that misses gets told
 * what was wrong and answers again (a turn like any other).
 */
import type { Json, JsonObject, NodeContext } from '../../sdk/types.js'
import type { AgentConfig } from './config.js'
import { schemaProblems } from './json-schema.js'
import type { AgentState } from './state.js'
import { continueWith, limitReached, summaryOf } from './results.js'
import type { AgentResult } from './results.js'

/** The JSON in a reply, also when the model wrapped it in a ``` fence. */
function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text)
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1] : text) as Json }
  } catch {
    return { ok: false }
  }
}

export function finalAnswer(ctx: NodeContext, config: AgentConfig, state: AgentState): AgentResult {
  const last = state.messages[state.messages.length - 1]
  const text = last.role === 'assistant' ? (last.content ?? '') : ''
  const done = (answer: Json): AgentResult => ({ port: 'done', data: { answer, ...summaryOf(state) } })
  if (!config.outputSchema) return done(text)
  const parsed = parseJson(text)
  const problems = parsed.ok ? schemaProblems(config.outputSchema as JsonObject, parsed.value) : ['the answer is not JSON']
  if (parsed.ok && problems.length === 0) return done(parsed.value)
  if (state.turns >= config.maxTurns) {
    return limitReached(state, `the model's final answer did not match the output schema (${problems.join('; ')}) and it has no turns left`)
  }
  const ask = `Your final answer must be only JSON matching this schema: ${JSON.stringify(config.outputSchema)}. Problems: ${problems.join('; ')}. Answer again.`
  return continueWith(ctx, {
    ...state,
    messages: [...state.messages, { role: 'user', content: ask }],
    last: { kind: 'model-turn', turn: state.turns, model: state.model ?? '', toolCalls: [], final: false },
  })
}
