/**
 * What an OpenAI-compatible model is asked for, per AI task: an instruction
 * and a JSON Schema for `response_format: { type: 'json_schema' }`, so the
 * answer is structured JSON that always carries a confidence.
 */
import type { AiRequest, JsonObject } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'

export interface StructuredTask {
  /** The system message: what to do and how to answer. */
  instruction: string
  /** Name of the schema, sent as `json_schema.name`. */
  name: string
  schema: JsonObject
}

const confidence: JsonObject = { type: 'number', minimum: 0, maximum: 1, description: 'How sure you are, from 0 to 1' }

function object(properties: JsonObject): JsonObject {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false }
}

function labelsOf(request: AiRequest): string[] {
  const labels = [...new Set(request.labels ?? [])]
  if (labels.length === 0) {
    throw new AiError('AI_TOO_FEW_LABELS', `A ${request.task} step with a hosted model needs its labels listed in the step (e.g. ["good", "risky"]).`)
  }
  return labels
}

/**
 * The instruction and schema for a request. A step's own `outputSchema` wins
 * over the task's default: the answer is then `{ value: <that schema>, confidence }`.
 *
 * @example
 * structuredTask({ task: 'classify', provider: 'openai', text, labels: ['nda', 'liability'] }).schema
 * // → { type: 'object', properties: { label: { enum: [...] }, confidence: {...} }, ... }
 */
export function structuredTask(request: AiRequest): StructuredTask {
  if (request.outputSchema) {
    return {
      name: 'inloop_value',
      instruction: 'Answer with JSON: "value" as described by the schema, and "confidence" from 0 to 1.',
      schema: object({ value: request.outputSchema, confidence }),
    }
  }
  switch (request.task) {
    case 'classify': {
      const labels = labelsOf(request)
      return {
        name: 'inloop_classify',
        instruction: `Classify the text into exactly one of these labels: ${labels.join(', ')}. Answer with JSON: "label" and "confidence" from 0 to 1.`,
        schema: object({ label: { type: 'string', enum: labels }, confidence }),
      }
    }
    case 'score': {
      const [positive, ...others] = labelsOf(request)
      const against = others.length > 0 ? ` rather than ${others.join(' or ')}` : ''
      return {
        name: 'inloop_score',
        instruction: `Estimate the probability that the text is "${positive}"${against}. Answer with JSON: "value" (that probability, 0 to 1) and "confidence" from 0 to 1.`,
        schema: object({ value: { type: 'number', minimum: 0, maximum: 1 }, confidence }),
      }
    }
    case 'extract': {
      const fields = request.extract?.length ? request.extract : ['date', 'amount', 'email', 'iban', 'id']
      const properties: JsonObject = {}
      for (const field of fields) properties[field] = { type: 'array', items: { type: 'string' }, description: `Every ${field} found in the text, as written` }
      return {
        name: 'inloop_extract',
        instruction: `Extract these fields from the text: ${fields.join(', ')}. Answer with JSON: "value" (one list per field, empty when none) and "confidence" from 0 to 1.`,
        schema: object({ value: object(properties), confidence }),
      }
    }
    case 'draft':
      return {
        name: 'inloop_draft',
        instruction: 'Write the reply the prompt asks for. Answer with JSON: "value" (the reply text) and "confidence" from 0 to 1 that it needs no changes.',
        schema: object({ value: { type: 'string' }, confidence }),
      }
    default:
      throw new AiError('AI_UNKNOWN_TASK', `Unknown AI task '${String(request.task)}'; use classify, extract, score or draft.`)
  }
}
