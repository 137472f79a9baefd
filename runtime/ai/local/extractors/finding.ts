/**
 * What an extractor returns: where it found something, the text it matched,
 * and the normalised value. Plain JSON, so it can go straight into run data.
 */
import type { Json } from '../../../../node-types/sdk/types.js'

export type Finding = {
  /** The text as it appears in the input. */
  text: string
  /** Offset of `text` in the input (UTF-16 code units). */
  index: number
  /** The normalised value (ISO date, `{ amount, currency }`, compact IBAN, ...). */
  value: Json
  [extra: string]: Json
}

export interface ExtractContext {
  /** "Today" for relative dates such as "tomorrow". */
  referenceDate: Date
  /** How to read 03/04/2025: day first (default) or month first. */
  dateOrder: 'DMY' | 'MDY'
}

export type Extractor = (text: string, context: ExtractContext) => Finding[]

/** Keep findings in text order; where two overlap keep the longer (the earlier on a tie). */
export function dropOverlaps(findings: Finding[]): Finding[] {
  const byStart = [...findings].sort((a, b) => a.index - b.index || b.text.length - a.text.length)
  const kept: Finding[] = []
  for (const finding of byStart) {
    const last = kept[kept.length - 1]
    if (last && finding.index < last.index + last.text.length) {
      if (finding.text.length > last.text.length) kept[kept.length - 1] = finding
      continue
    }
    kept.push(finding)
  }
  return kept
}
