/**
 * Dates in English and German text via chrono-node: "12 March 2025",
 * "15.04.2025", "3. Mai", "tomorrow", "next Friday". Values are calendar
 * dates, `YYYY-MM-DD`, taken from the parsed components so no time zone
 * shifts them.
 */
import * as chrono from 'chrono-node'
import type { ExtractContext, Finding } from './finding.js'
import { dropOverlaps } from './finding.js'

type ChronoResult = chrono.ParsedResult

function isoDate(components: chrono.ParsedComponents): string {
  const pad = (n: number | null, width: number) => String(n ?? 0).padStart(width, '0')
  return `${pad(components.get('year'), 4)}-${pad(components.get('month'), 2)}-${pad(components.get('day'), 2)}`
}

// "March 2025" or "for 12 months" have no day to speak of; a weekday names one.
function namesADay(result: ChronoResult): boolean {
  if (/^(now|jetzt)$/i.test(result.text.trim())) return false
  return result.start.isCertain('day') || result.start.isCertain('weekday')
}

/**
 * Every date in the text, English (day first unless `dateOrder` is MDY) and German.
 *
 * @example
 * extractDates('Pay by 15.04.2025 or 3. Mai', { referenceDate: new Date('2025-03-01'), dateOrder: 'DMY' })
 * // → [{ text: '15.04.2025', index: 7, value: '2025-04-15' }, { text: '3. Mai', index: 21, value: '2025-05-03' }]
 */
export function extractDates(text: string, context: ExtractContext): Finding[] {
  const english = context.dateOrder === 'MDY' ? chrono.en : chrono.en.GB
  const results = [...english.parse(text, context.referenceDate), ...chrono.de.parse(text, context.referenceDate)]
  const findings = results.filter(namesADay).map((result): Finding => {
    const finding: Finding = { text: result.text, index: result.index, value: isoDate(result.start) }
    if (result.end) finding.end = isoDate(result.end)
    return finding
  })
  return dropOverlaps(findings)
}
