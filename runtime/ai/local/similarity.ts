/**
 * Nearest labelled example by cosine similarity of word counts: the honest,
 * offline basis of the local `draft` task ("this looks most like ticket X,
 * whose answer was Y").
 */
import type { LabelledExample } from './model-version.js'
import { tokenize } from './tokenize.js'

type Counts = Map<string, number>

function countsOf(text: string): Counts {
  const counts: Counts = new Map()
  for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1)
  return counts
}

function norm(counts: Counts): number {
  let sum = 0
  for (const n of counts.values()) sum += n * n
  return Math.sqrt(sum)
}

/**
 * Cosine similarity (0..1) of the word counts of two texts; 0 if either has no words.
 *
 * @example
 * cosineSimilarity('refund my order', 'please refund the order') // ≈ 0.82
 */
export function cosineSimilarity(a: string, b: string): number {
  return cosineOfCounts(countsOf(a), countsOf(b))
}

function cosineOfCounts(a: Counts, b: Counts): number {
  const denominator = norm(a) * norm(b)
  if (denominator === 0) return 0
  let dot = 0
  for (const [token, n] of a) dot += n * (b.get(token) ?? 0)
  return Math.min(1, dot / denominator)
}

export interface NearestExample {
  example: LabelledExample
  similarity: number
}

/**
 * The example most similar to `text` (the first one on a tie), or undefined
 * when there are no examples or none shares a word with the text.
 *
 * @example
 * nearestExample('where is my parcel', examples)?.example.label // 'shipping-status'
 */
export function nearestExample(text: string, examples: readonly LabelledExample[]): NearestExample | undefined {
  const query = countsOf(text)
  let best: NearestExample | undefined
  for (const example of examples) {
    const similarity = cosineOfCounts(query, countsOf(example.text))
    if (similarity > 0 && (!best || similarity > best.similarity)) best = { example, similarity }
  }
  return best
}
