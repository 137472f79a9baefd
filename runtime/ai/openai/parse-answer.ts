/**
 * Turn an OpenAI-compatible chat completion into an AiAnswer, checking that
 * the model kept to the structure it was asked for. Anything else is an
 * `AI_BAD_RESPONSE` that says what was wrong (the ai-step leaves by `error`).
 */
import type { AiAnswer, AiRequest, Json } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'

interface Completion {
  model?: unknown
  system_fingerprint?: unknown
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[]
}

function bad(what: string): AiError {
  return new AiError('AI_BAD_RESPONSE', `The model's answer could not be used: ${what}.`)
}

function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

/** The JSON object the model wrote in its message. */
function contentOf(body: unknown): Record<string, unknown> {
  const completion = body as Completion
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined
  if (!choice?.message) throw bad('it has no choices[0].message')
  if (typeof choice.message.refusal === 'string' && choice.message.refusal) throw bad(`the model refused: ${excerpt(choice.message.refusal)}`)
  if (choice.finish_reason === 'length') throw bad('it was cut off at the token limit')
  const content = choice.message.content
  if (typeof content !== 'string') throw bad('its message has no text content')
  let parsed: unknown
  try {
    parsed = JSON.parse(content)
  } catch {
    throw bad(`its content is not JSON: ${JSON.stringify(excerpt(content))}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw bad('its content is not a JSON object')
  return parsed as Record<string, unknown>
}

function confidenceOf(content: Record<string, unknown>): number {
  const value = content.confidence
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) throw bad('"confidence" is missing or not a number from 0 to 1')
  return value
}

/**
 * @example
 * parseAnswer(request, await res.json(), 'gpt-4o-mini')
 * // → { label: 'liability', confidence: 0.92, model: 'gpt-4o-mini', modelVersion: 'gpt-4o-mini-2024-07-18' }
 */
export function parseAnswer(request: AiRequest, body: unknown, model: string): AiAnswer {
  const content = contentOf(body)
  const confidence = confidenceOf(content)
  const completion = body as Completion
  const served = typeof completion.model === 'string' && completion.model ? completion.model : model
  const fingerprint = typeof completion.system_fingerprint === 'string' ? `+${completion.system_fingerprint}` : ''
  const answer: AiAnswer = { confidence, model, modelVersion: `${served}${fingerprint}` }
  if (request.task === 'classify' && !request.outputSchema) {
    const label = content.label
    if (typeof label !== 'string' || !(request.labels ?? []).includes(label)) {
      throw bad(`"label" must be one of ${(request.labels ?? []).join(', ')}, got ${JSON.stringify(label)}`)
    }
    answer.label = label
    return answer
  }
  if (!('value' in content)) throw bad('"value" is missing')
  if (request.task === 'score' && !request.outputSchema) {
    const value = content.value
    if (typeof value !== 'number' || value < 0 || value > 1) throw bad('"value" must be a probability from 0 to 1')
    answer.label = value >= 0.5 ? request.labels![0] : (request.labels![1] ?? `not ${request.labels![0]}`)
  }
  answer.value = content.value as Json
  return answer
}
