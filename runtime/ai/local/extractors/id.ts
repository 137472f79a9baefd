/**
 * Reference numbers: codes such as "ABC-12345", "INV-2024-0042", "PO/7781",
 * and numbers introduced by a label, "invoice no. 4711", "Rechnungsnr.: 2024/113",
 * "order #A-55".
 */
import { dropOverlaps, type Finding } from './finding.js'

// Upper-case prefix, a separator, at least three digits: "ABC-12345", "RE-2024/113".
const CODE = /\b[A-Z][A-Z0-9]{1,9}(?:[-/_][A-Z0-9]+)*[-/_][A-Z0-9]*\d{3,}[A-Z0-9]*(?:[-/_][A-Z0-9]+)*\b/g

const ENGLISH = ['invoice', 'order', 'contract', 'customer', 'account', 'reference', 'ref', 'case', 'ticket', 'policy', 'application', 'claim', 'loan']
// German stems (with their linking "s"/"n") and the English label they stand for.
const GERMAN: Record<string, string> = {
  rechnung: 'invoice', bestell: 'order', auftrag: 'order', vertrag: 'contract', kunde: 'customer',
  konto: 'account', antrag: 'application', vorgang: 'case', referenz: 'reference',
}
const LABELS = [...ENGLISH, ...Object.keys(GERMAN).map((stem) => `${stem}[sn]?`)].join('|')

function labelOf(written: string): string {
  const word = written.toLowerCase()
  const stem = Object.keys(GERMAN).find((s) => word.startsWith(s))
  return stem ? GERMAN[stem] : word === 'ref' ? 'reference' : word
}
// The label needs a marker ("no.", "nr", "#", "id", ":") so "loan 5000 EUR" is not an id.
const LABELLED = new RegExp(
  String.raw`\b(${LABELS})(?:[- ]?(?:nummer|nr\.?|no\.?|number|id)\s*[:#]?|\s*[:#])\s*([A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*)`,
  'giu',
)

/**
 * @example
 * extractIds('Invoice no. 4711 for contract ABC-12345')
 * // → [{ text: 'Invoice no. 4711', index: 0, value: '4711', label: 'invoice' },
 * //    { text: 'ABC-12345', index: 29, value: 'ABC-12345' }]
 */
export function extractIds(text: string): Finding[] {
  const found: Finding[] = []
  for (const match of text.matchAll(LABELLED)) {
    const id = match[2].replace(/[-/]+$/, '')
    if (id.replace(/\D/g, '').length < 2) continue
    const matched = match[0].slice(0, match[0].length - (match[2].length - id.length))
    found.push({ text: matched, index: match.index ?? 0, value: id.toUpperCase(), label: labelOf(match[1]) })
  }
  for (const match of text.matchAll(CODE)) found.push({ text: match[0], index: match.index ?? 0, value: match[0] })
  return dropOverlaps(found)
}
