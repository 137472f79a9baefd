/**
 * Text to features for the local classifier: lowercase, Unicode-aware word
 * tokens (German umlauts, accents, digits), English and German stop words
 * removed, optional bigrams of adjacent kept words.
 */
import { STOP_WORDS } from './stop-words.js'

export interface TokenizeOptions {
  /** Also emit `"first second"` for each pair of adjacent kept tokens. Default false. */
  bigrams?: boolean
  /** Drop English and German stop words. Default true. */
  stopWords?: boolean
}

// Letters, combining marks and digits; an inner apostrophe keeps "don't" whole
// (curly apostrophes are made straight first).
const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)?/gu
const NON_ASCII = /[^\x00-\x7f]/

/**
 * Split text into lowercase word tokens (and, optionally, bigrams).
 *
 * @example
 * tokenize('No late payments; Einkommen stabil.')
 * // → ['no', 'late', 'payments', 'einkommen', 'stabil']
 * tokenize('no late payments', { bigrams: true })
 * // → ['no', 'late', 'payments', 'no late', 'late payments']
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const dropStop = options.stopWords ?? true
  // NFC only when needed: it is the slowest step and ASCII text never changes.
  let lower = (NON_ASCII.test(text) ? text.normalize('NFC') : text).toLowerCase()
  if (lower.includes('’')) lower = lower.replaceAll('’', "'")
  // match() returns plain strings, markedly faster than matchAll; filter in place.
  const words: string[] = lower.match(WORD) ?? []
  let kept = 0
  for (let word of words) {
    if (word.endsWith("'s")) word = word.slice(0, -2)
    if (dropStop && STOP_WORDS.has(word)) continue
    words[kept++] = word
  }
  words.length = kept
  if (!options.bigrams) return words
  const count = words.length
  for (let i = 1; i < count; i++) words.push(`${words[i - 1]} ${words[i]}`)
  return words
}
