/**
 * Document-frequency counts for naive Bayes and the smoothed log tables derived
 * from them. Counts (not log probabilities) are what a model stores, so it can
 * be serialised, inspected and calibrated by leave-one-out exactly.
 */
import type { LabelledExample } from './model-version.js'
import { tokenize } from './tokenize.js'

export interface CountTable {
  /** Sorted distinct labels. */
  labels: string[]
  vocabulary: string[]
  /** Training documents per label. */
  docCounts: number[]
  /** Per label, per vocabulary term: documents of that label containing it. */
  termCounts: Float64Array[]
}

export interface CountedExamples {
  table: CountTable
  /** Distinct feature indices of each training document. */
  docs: Int32Array[]
  /** Label index of each training document. */
  docLabels: number[]
}

/**
 * Count features per label. Examples must be in canonical (sorted) order so
 * the vocabulary order, and hence the serialised model, is deterministic.
 */
export function countExamples(sorted: readonly LabelledExample[], bigrams: boolean): CountedExamples {
  const labels = [...new Set(sorted.map((e) => e.label))]
  const labelIndex = new Map(labels.map((label, i) => [label, i]))
  const index = new Map<string, number>()
  const vocabulary: string[] = []
  const lastDoc: number[] = [] // per term: the last document it was counted in
  const docs: Int32Array[] = []
  const docLabels: number[] = []
  sorted.forEach((example, d) => {
    const doc: number[] = []
    for (const feature of tokenize(example.text, { bigrams })) {
      let i = index.get(feature)
      if (i === undefined) {
        index.set(feature, (i = vocabulary.push(feature) - 1))
        lastDoc.push(-1)
      }
      if (lastDoc[i] === d) continue
      lastDoc[i] = d
      doc.push(i)
    }
    docs.push(Int32Array.from(doc))
    docLabels.push(labelIndex.get(example.label) as number)
  })
  const docCounts = labels.map(() => 0)
  const termCounts = labels.map(() => new Float64Array(vocabulary.length))
  docs.forEach((doc, d) => {
    const c = docLabels[d]
    docCounts[c]++
    for (const i of doc) termCounts[c][i]++
  })
  return { table: { labels, vocabulary, docCounts, termCounts }, docs, docLabels }
}

export interface LogTables {
  logPrior: Float64Array
  /** Flat `[term * labels + label]`: one term's values sit together for fast lookup. */
  logLikelihood: Float64Array
}

/** Laplace-smoothed log priors and log likelihoods. */
export function logTables(table: CountTable, alpha: number): LogTables {
  const k = table.labels.length
  const v = table.vocabulary.length
  const n = table.docCounts.reduce((a, b) => a + b, 0)
  const logPrior = Float64Array.from(table.docCounts, (docs) => Math.log((docs + 1) / (n + k)))
  const logLikelihood = new Float64Array(v * k)
  for (let c = 0; c < k; c++) {
    const counts = table.termCounts[c]
    const total = counts.reduce((a, b) => a + b, 0)
    const denominator = Math.log(total + alpha * v)
    for (let i = 0; i < v; i++) logLikelihood[i * k + c] = Math.log(counts[i] + alpha) - denominator
  }
  return { logPrior, logLikelihood }
}
