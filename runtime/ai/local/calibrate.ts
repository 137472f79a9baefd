/**
 * Calibration for naive Bayes. NB treats words as independent evidence, so
 * correlated words (and a bigram next to its own unigrams) are counted several
 * times and raw posteriors come out near 0 or 1. Two corrections:
 *
 * 1. Temperature: divide the log-scores by a single T fitted to minimise the
 *    negative log-likelihood of leave-one-out predictions on the training set.
 *    LOO is exact and cheap for NB (subtract one document's counts), uses every
 *    example (flows often ship only a handful), and its predictions are
 *    honest held-out ones. T is kept ≥ 1: we only ever soften, never sharpen.
 * 2. Small-sample shrinkage toward uniform, from Laplace's rule of succession:
 *    after N held-out checks we cannot claim an error rate below ~1/(N+2), so
 *    confidence is capped at (N+1)/(N+2) — 0.875 with 6 examples, 0.995 with 200.
 */
import type { CountedExamples } from './counts.js'

/** Leave-one-out log-scores, one array (per label) for each training document. */
export function leaveOneOutLogits({ table, docs, docLabels }: CountedExamples, alpha: number): Float64Array[] {
  const k = table.labels.length
  const v = table.vocabulary.length
  const n = docs.length
  const global = new Float64Array(v)
  const totals = table.termCounts.map((counts) => counts.reduce((a, b) => a + b, 0))
  for (const counts of table.termCounts) counts.forEach((count, i) => (global[i] += count))
  return docs.map((doc, d) => {
    const y = docLabels[d]
    // Features only this document has are unseen once it is left out.
    let unique = 0
    for (const i of doc) if (global[i] === 1) unique++
    const logits = new Float64Array(k)
    for (let c = 0; c < k; c++) {
      const own = c === y ? 1 : 0
      const denominator = Math.log(totals[c] - own * doc.length + alpha * (v - unique))
      let z = Math.log((table.docCounts[c] - own + 1) / (n - 1 + k))
      for (const i of doc) {
        if (global[i] > 1) z += Math.log(table.termCounts[c][i] - own + alpha) - denominator
      }
      logits[c] = z
    }
    return logits
  })
}

function negativeLogLikelihood(logits: Float64Array[], labels: number[], beta: number): number {
  let total = 0
  logits.forEach((z, d) => {
    let max = -Infinity
    for (const value of z) max = Math.max(max, beta * value)
    let sum = 0
    for (const value of z) sum += Math.exp(beta * value - max)
    total += max + Math.log(sum) - beta * z[labels[d]]
  })
  return total
}

/**
 * The temperature T in [1, 100] minimising the NLL of `softmax(logits / T)`.
 * The NLL is convex in β = 1/T, so a golden-section search finds the optimum.
 */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  const nll = (beta: number) => negativeLogLikelihood(logits, labels, beta)
  const ratio = (Math.sqrt(5) - 1) / 2
  let low = 0.01
  let high = 1
  let a = high - ratio * (high - low)
  let b = low + ratio * (high - low)
  let fa = nll(a)
  let fb = nll(b)
  for (let step = 0; step < 24; step++) {
    if (fa <= fb) {
      high = b
      b = a
      fb = fa
      a = high - ratio * (high - low)
      fa = nll(a)
    } else {
      low = a
      a = b
      fa = fb
      b = low + ratio * (high - low)
      fb = nll(b)
    }
  }
  return 1 / ((low + high) / 2)
}

/** Weight ε of the uniform mix so that a certain answer becomes (N+1)/(N+2). */
export function shrinkageFor(documents: number, labels: number): number {
  return labels < 2 ? 0 : Math.min(1, labels / ((labels - 1) * (documents + 2)))
}
