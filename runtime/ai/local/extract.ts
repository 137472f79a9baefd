/**
 * The rule-based extractors of the local provider, by name: `date`, `amount`,
 * `email`, `iban`, `id`. Each returns every finding with the matched text and
 * a normalised value.
 */
import { AiError } from '../errors.js'
import { extractAmounts } from './extractors/amount.js'
import { extractDates } from './extractors/date.js'
import { extractEmails } from './extractors/email.js'
import type { ExtractContext, Extractor, Finding } from './extractors/finding.js'
import { extractIbans } from './extractors/iban.js'
import { extractIds } from './extractors/id.js'

export type { ExtractContext, Finding } from './extractors/finding.js'
export { isValidIban } from './extractors/iban.js'
export { extractAmounts, extractDates, extractEmails, extractIbans, extractIds }

/** Extractors by the name a flow uses in `extract: [...]`. */
export const EXTRACTORS = {
  date: extractDates,
  amount: extractAmounts,
  email: extractEmails,
  iban: extractIbans,
  id: extractIds,
} satisfies Record<string, Extractor>

export type ExtractorName = keyof typeof EXTRACTORS

/** Every extractor name, in a stable order. */
export const EXTRACTOR_NAMES = Object.keys(EXTRACTORS) as ExtractorName[]

function isExtractorName(name: string): name is ExtractorName {
  return Object.hasOwn(EXTRACTORS, name)
}

/**
 * Run the named extractors (default: all) and return findings per name.
 * An unknown name fails with `AI_UNKNOWN_EXTRACTOR`.
 *
 * @example
 * extractFields('Pay €1.250,50 by 15.04.2025', ['amount', 'date'])
 * // → { amount: [{ text: '€1.250,50', ... value: { amount: 1250.5, currency: 'EUR' } }],
 * //     date: [{ text: '15.04.2025', ... value: '2025-04-15' }] }
 */
export function extractFields(
  text: string,
  names: readonly string[] = EXTRACTOR_NAMES,
  context: Partial<ExtractContext> = {},
): Record<string, Finding[]> {
  const unknown = names.filter((name) => !isExtractorName(name))
  if (unknown.length > 0) {
    throw new AiError(
      'AI_UNKNOWN_EXTRACTOR',
      `Unknown extractor ${unknown.map((n) => `'${n}'`).join(', ')}. Known extractors: ${EXTRACTOR_NAMES.join(', ')}.`,
    )
  }
  const full: ExtractContext = { referenceDate: context.referenceDate ?? new Date(), dateOrder: context.dateOrder ?? 'DMY' }
  const result: Record<string, Finding[]> = {}
  for (const name of names as readonly ExtractorName[]) result[name] = EXTRACTORS[name](text, full)
  return result
}
