/** Small statistics for metrics: rates, percentiles and confidence bands. */

import type { CalibrationBand, DurationSummary } from '../../../node-types/api/learning.js'

export type { CalibrationBand, DurationSummary }

/** `part / whole`, or null when there is nothing to divide (a chart shows a gap, not a 0). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

/** Nearest-rank percentile of `values` (sorted here); null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export function summarizeSeconds(seconds: number[]): DurationSummary {
  const mean = seconds.length ? seconds.reduce((a, b) => a + b, 0) / seconds.length : null
  const med = percentile(seconds, 50)
  const p90 = percentile(seconds, 90)
  return { count: seconds.length, meanSeconds: mean === null ? null : round(mean, 1), medianSeconds: med === null ? null : round(med, 1), p90Seconds: p90 === null ? null : round(p90, 1) }
}

/** Ten bands of width 0.1; accuracy per band against the mean confidence in it (a calibration chart). */
export function calibrationBands(points: { confidence: number; correct: boolean }[]): CalibrationBand[] {
  const bands = Array.from({ length: 10 }, (_, i) => ({ cases: 0, correct: 0, confidence: 0, from: i / 10, to: (i + 1) / 10 }))
  for (const p of points) {
    const band = bands[Math.min(9, Math.max(0, Math.floor(p.confidence * 10)))]
    band.cases++
    band.confidence += p.confidence
    if (p.correct) band.correct++
  }
  return bands.map((b) => ({
    band: `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
    from: b.from,
    to: b.to,
    cases: b.cases,
    correct: b.correct,
    accuracy: rate(b.correct, b.cases),
    meanConfidence: b.cases ? round(b.confidence / b.cases, 4) : null,
  }))
}
