/**
 * Few-shot examples from reviewed answers: past cases in which an AI step
 * answered and a person then settled the answer, the most similar to the
 * text at hand first, each with the answer as the person left it (a
 * corrected label or value) and the corrections — personal fields redacted.
 */
import type { FewShotExample, Json, JsonObject } from '../../../node-types/sdk/types.js'
import { cosineSimilarity } from '../../ai/local/similarity.js'
import type { CaseRecord } from '../case-record.js'
import { redactJson, redactor } from './personal-fields.js'

export interface ShotSource {
  nodeId: string
  /** The text (or prompt) the step would send for a past case. */
  textOf(c: CaseRecord): string | undefined
  personal: readonly string[]
}

/** The person's final answer: the AI's, with any correction of its label or value applied. */
function finalAnswer(output: JsonObject, corrections: Record<string, { from: Json; to: Json }>): FewShotExample['answer'] {
  const answer: FewShotExample['answer'] = {}
  if (typeof output.label === 'string') answer.label = output.label
  if (output.value !== undefined) answer.value = output.value
  for (const { from, to } of Object.values(corrections)) {
    if (answer.label !== undefined && from === answer.label && typeof to === 'string') answer.label = to
    else if (answer.value !== undefined && JSON.stringify(from) === JSON.stringify(answer.value)) answer.value = to
  }
  return answer
}

function reviewedShot(c: CaseRecord, source: ShotSource): (FewShotExample & { runId: string }) | undefined {
  const visit = c.visits[source.nodeId]
  if (!visit || visit.port !== 'done') return undefined
  const task = [...c.tasks].reverse().find((t) => t.decision && t.aiBefore.includes(source.nodeId))
  const request = c.requests.find((r) => r.answer && r.aiBefore.includes(source.nodeId))
  if (!task && !request) return undefined
  const text = source.textOf(c)
  if (!text?.trim()) return undefined
  const corrections = task?.decision?.corrections ?? {}
  const redact = redactor(source.personal, c.input)
  return {
    runId: c.runId,
    text: redact(text),
    answer: redactJson(finalAnswer(visit.output, corrections) as JsonObject, redact) as FewShotExample['answer'],
    corrections: redactJson(corrections as unknown as JsonObject, redact) as FewShotExample['corrections'],
  }
}

/**
 * @example
 * similarShots(cases, 'My parcel is late', 3, { nodeId: 'classify', textOf, personal: ['email'] })
 */
export function similarShots(cases: readonly CaseRecord[], text: string, k: number, source: ShotSource, exceptRunId?: string): FewShotExample[] {
  const scored: { shot: FewShotExample; similarity: number }[] = []
  for (const c of cases) {
    if (c.runId === exceptRunId) continue
    const shot = reviewedShot(c, source)
    if (!shot) continue
    const { runId: _runId, ...rest } = shot
    scored.push({ shot: rest, similarity: cosineSimilarity(text, shot.text) })
  }
  return scored
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k)
    .map((s) => s.shot)
}
