/**
 * The local provider's `draft` task. No language model offline, so it is a
 * template plus the nearest labelled example: `{{text}}` is the input,
 * `{{suggestion}}` (alias `{{label}}`) the label of the most similar example,
 * `{{example}}` that example's text. Confidence is the cosine similarity, so
 * an unfamiliar text gets a low one and goes to a person.
 */
import type { AiAnswer, AiRequest } from '../../../node-types/sdk/types.js'
import { nearestExample } from './similarity.js'

export const DRAFT_MODEL = 'local-template'
export const DRAFT_MODEL_VERSION = 'template-1'

const PLACEHOLDER = /\{\{\s*(text|suggestion|label|example)\s*\}\}/g

/**
 * @example
 * draft({ task: 'draft', provider: 'local', text: 'Where is my parcel?',
 *   prompt: 'Hello,\n{{suggestion}}', examples: [{ text: 'where is my order', label: 'It ships today.' }] })
 * // → { label: 'It ships today.', value: { draft: 'Hello,\nIt ships today.', suggestion: {...} }, confidence: 0.5, ... }
 */
export function draft(request: AiRequest): AiAnswer {
  const nearest = nearestExample(request.text, request.examples ?? [])
  const template = request.prompt ?? (nearest ? '{{suggestion}}' : '{{text}}')
  const fill: Record<string, string> = {
    text: request.text,
    suggestion: nearest?.example.label ?? '',
    label: nearest?.example.label ?? '',
    example: nearest?.example.text ?? '',
  }
  const text = template.replace(PLACEHOLDER, (_, name: string) => fill[name])
  const suggestion = nearest
    ? { label: nearest.example.label, text: nearest.example.text, similarity: nearest.similarity }
    : null
  const answer: AiAnswer = {
    value: { draft: text, suggestion },
    confidence: nearest?.similarity ?? 0,
    model: DRAFT_MODEL,
    modelVersion: DRAFT_MODEL_VERSION,
  }
  if (nearest) answer.label = nearest.example.label
  return answer
}
