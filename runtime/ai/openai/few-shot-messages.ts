/**
 * Reviewed past cases as chat turns before the question: each case's text as
 * the user, and the answer a person settled on as the assistant's structured
 * JSON — the format the model is asked to answer in — with the reviewer's
 * corrections named in a note.
 */
import type { AiRequest, FewShotExample } from '../../../node-types/sdk/types.js'

function answerJson(request: AiRequest, shot: FewShotExample): string {
  const { label, value } = shot.answer
  if (request.outputSchema) return JSON.stringify({ value: value ?? null, confidence: 1 })
  if (request.task === 'classify') return JSON.stringify({ label: label ?? null, confidence: 1 })
  if (request.task === 'score') {
    const positive = request.labels?.[0]
    return JSON.stringify({ value: label !== undefined && positive !== undefined ? (label === positive ? 1 : 0) : (value ?? null), confidence: 1 })
  }
  return JSON.stringify({ value: value ?? null, confidence: 1 })
}

/**
 * @example
 * fewShotMessages({ task: 'classify', labels: ['a', 'b'], fewShot: [{ text: 'x', answer: { label: 'b' }, corrections: {} }], ... })
 * // → [{ role: 'user', content: 'x' }, { role: 'assistant', content: '{"label":"b","confidence":1}' }]
 */
export function fewShotMessages(request: AiRequest): { role: 'user' | 'assistant'; content: string }[] {
  if (!Array.isArray(request.fewShot)) return []
  return request.fewShot.flatMap((shot) => {
    const changed = Object.entries(shot.corrections)
    const note = changed.length ? `\n\n(A reviewer corrected ${changed.map(([name, c]) => `${name} from ${JSON.stringify(c.from)} to ${JSON.stringify(c.to)}`).join('; ')}.)` : ''
    return [
      { role: 'user' as const, content: `${shot.text}${note}` },
      { role: 'assistant' as const, content: answerJson(request, shot) },
    ]
  })
}
