/**
 * Confidence that means what it says: a map from a model version's raw
 * confidence to how often people agreed with it at that confidence, fitted on
 * reviewed answers. Isotonic (pool adjacent violators: more confident never
 * maps lower), and each block is pulled toward the raw confidence by a prior
 * of 10 answers, so a handful of answers moves the map only a little.
 */

export interface CalibrationMap {
  /** Blocks of raw confidence, ascending, each with its calibrated value. */
  blocks: { from: number; to: number; value: number; answers: number }[]
  answers: number
}

const PRIOR = 10

/**
 * @example
 * const map = fitCalibration(points)
 * calibrate(map, 0.9) // 0.74: right about three times in four at 0.9
 */
export function fitCalibration(points: readonly { confidence: number; correct: boolean }[]): CalibrationMap {
  const sorted = [...points].sort((a, b) => a.confidence - b.confidence)
  type Block = { from: number; to: number; correct: number; confidence: number; n: number }
  const stack: Block[] = []
  for (const p of sorted) {
    stack.push({ from: p.confidence, to: p.confidence, correct: p.correct ? 1 : 0, confidence: p.confidence, n: 1 })
    // Pool while a block's agreement is below the one before it.
    while (stack.length > 1 && stack.at(-1)!.correct / stack.at(-1)!.n <= stack.at(-2)!.correct / stack.at(-2)!.n) {
      const last = stack.pop()!
      const prev = stack.at(-1)!
      Object.assign(prev, { to: last.to, correct: prev.correct + last.correct, confidence: prev.confidence + last.confidence, n: prev.n + last.n })
    }
  }
  return {
    answers: sorted.length,
    blocks: stack.map((b) => ({ from: b.from, to: b.to, answers: b.n, value: (b.correct + (PRIOR * b.confidence) / b.n) / (b.n + PRIOR) })),
  }
}

/** The calibrated confidence; the raw one where nothing was fitted. */
export function calibrate(map: CalibrationMap | undefined, confidence: number): number {
  if (!map || map.blocks.length === 0) return confidence
  let best = map.blocks[0]
  for (const b of map.blocks) {
    if (confidence >= b.from) best = b
    if (confidence <= b.to) break
  }
  return best.value
}
