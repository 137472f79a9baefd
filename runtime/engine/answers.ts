/**
 * Check a customer's answer against what was asked. Only the expected fields
 * are kept; anything else the client sent is dropped.
 */
import type { CustomerRequestSpec, JsonObject } from '../../node-types/sdk/types.js'
import { EngineError } from './errors.js'

const MAX_COMMENT = 2000

export function validateAnswer(spec: CustomerRequestSpec, answer: string, data: JsonObject): JsonObject {
  if (!spec.answers.includes(answer)) {
    throw new EngineError('ANSWER_INVALID', `'${answer}' is not a possible answer; answer one of ${spec.answers.join(', ')}`)
  }
  const out: JsonObject = {}
  const comment = data.comment
  if (comment !== undefined) {
    if (typeof comment !== 'string' || comment.length > MAX_COMMENT) {
      throw new EngineError('ANSWER_INVALID', `comment must be text of at most ${MAX_COMMENT} characters`)
    }
    out.comment = comment
  }
  if (answer === 'choose') {
    const values = (spec.options ?? []).map((o) => o.value)
    if (typeof data.option !== 'string' || !values.includes(data.option)) {
      throw new EngineError('ANSWER_INVALID', `pick one of the options: ${values.join(', ')}`)
    }
    out.option = data.option
  }
  if (answer === 'rate') {
    if (typeof data.rating !== 'number' || !Number.isInteger(data.rating) || data.rating < 1 || data.rating > 5) {
      throw new EngineError('ANSWER_INVALID', 'rating must be a whole number from 1 to 5')
    }
    out.rating = data.rating
  }
  if (answer === 'submit') {
    for (const field of spec.fields ?? []) {
      const value = data[field.name]
      const ok =
        field.type === 'number' ? typeof value === 'number' && Number.isFinite(value) : field.type === 'boolean' ? typeof value === 'boolean' : typeof value === 'string' && value.length <= MAX_COMMENT
      if (!ok) throw new EngineError('ANSWER_INVALID', `field '${field.name}' (${field.label}) needs a ${field.type === 'date' ? 'date' : field.type}`)
      out[field.name] = value as JsonObject[string]
    }
  }
  return out
}
