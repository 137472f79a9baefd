/**
 * Content-addressed model versions: the same examples and options always give
 * the same id, whatever their order, so a version names what a model learned
 * from and the provider can cache models by it.
 */
import { createHash } from 'node:crypto'

export interface LabelledExample {
  text: string
  label: string
}

/** Code-unit order (not locale order) so every machine sorts the same way. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Examples sorted by label, then text: the canonical training order.
 *
 * @example
 * sortExamples([{ text: 'b', label: 'y' }, { text: 'a', label: 'x' }])[0].label // 'x'
 */
export function sortExamples(examples: readonly LabelledExample[]): LabelledExample[] {
  return [...examples].sort((a, b) => compare(a.label, b.label) || compare(a.text, b.text))
}

/**
 * `nb-` and the first 12 hex digits of the SHA-256 of the sorted examples and
 * the training options.
 *
 * @example
 * modelVersionOf(examples, { alpha: 0.5, bigrams: true }) // 'nb-3f9a0c1d22e7'
 */
export function modelVersionOf(sorted: readonly LabelledExample[], options: object): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(options))
  for (const example of sorted) hash.update(JSON.stringify([example.label, example.text]))
  return `nb-${hash.digest('hex').slice(0, 12)}`
}
