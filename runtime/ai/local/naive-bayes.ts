/**
 * Multinomial naive Bayes over binarised unigram + bigram features, with
 * Laplace smoothing and calibrated probabilities (see calibrate.ts).
 *
 * Binarised counts (a word counts once per document) are the better choice for
 * short notes: a repeated word is emphasis, not extra evidence (Wang & Manning
 * 2012, "Baselines and Bigrams"). What a model learned never changes after
 * training; it is serialised as its counts and named by a content hash of what
 * it was trained on.
 */
import { AiError } from '../errors.js'
import { fitTemperature, leaveOneOutLogits, shrinkageFor } from './calibrate.js'
import { countExamples, logTables, type CountTable, type LogTables } from './counts.js'
import { modelVersionOf, sortExamples, type LabelledExample } from './model-version.js'
import { FeatureIndex } from './feature-index.js'

export type { LabelledExample } from './model-version.js'

export interface NaiveBayesOptions {
  /** Laplace smoothing added to every count. Default 0.5. */
  alpha?: number
  /** Use word pairs as features too. Default true. */
  bigrams?: boolean
}

export interface Prediction {
  /** The most probable label (ties go to the first in label order). */
  label: string
  /** Its calibrated probability. */
  confidence: number
  /** Calibrated probability of every label; they sum to 1. */
  scores: Record<string, number>
}

/** The serialised model: its counts and calibration, not derived tables. */
export interface NaiveBayesJson {
  format: 'inloop-naive-bayes@1'
  version: string
  options: Required<NaiveBayesOptions>
  labels: string[]
  vocabulary: string[]
  docCounts: number[]
  termCounts: number[][]
  temperature: number
  shrinkage: number
}

/** A trained classifier. Build one with `trainNaiveBayes` or `NaiveBayesModel.fromJSON`. */
export class NaiveBayesModel {
  readonly labels: readonly string[]
  private readonly index: FeatureIndex
  private readonly features: number[] = []
  private readonly tables: LogTables
  // Marks features already counted in the current call: no Set per prediction.
  private readonly seen: Uint32Array
  private call = 0

  constructor(
    readonly version: string,
    readonly options: Required<NaiveBayesOptions>,
    private readonly table: CountTable,
    readonly temperature: number,
    readonly shrinkage: number,
  ) {
    this.labels = table.labels
    this.index = new FeatureIndex(table.vocabulary)
    this.tables = logTables(table, options.alpha)
    this.seen = new Uint32Array(table.vocabulary.length)
  }

  /**
   * Calibrated label probabilities for a text. Words never seen in training are ignored.
   *
   * @example
   * model.predict('stable income, no late payments')
   * // → { label: 'good', confidence: 0.91, scores: { good: 0.91, risky: 0.09 } }
   */
  predict(text: string): Prediction {
    const k = this.labels.length
    const { logPrior, logLikelihood } = this.tables
    const z = Float64Array.from(logPrior)
    const call = (this.call = (this.call + 1) >>> 0 || 1)
    const found = this.index.collect(text, this.options.bigrams, this.features)
    for (let f = 0; f < found; f++) {
      const i = this.features[f]
      if (this.seen[i] === call) continue
      this.seen[i] = call
      for (let c = 0; c < k; c++) z[c] += logLikelihood[i * k + c]
    }
    let max = -Infinity
    for (let c = 0; c < k; c++) max = Math.max(max, (z[c] /= this.temperature))
    let sum = 0
    for (let c = 0; c < k; c++) sum += (z[c] = Math.exp(z[c] - max))
    const scores: Record<string, number> = {}
    let best = 0
    for (let c = 0; c < k; c++) {
      z[c] = (1 - this.shrinkage) * (z[c] / sum) + this.shrinkage / k
      scores[this.labels[c]] = z[c]
      if (z[c] > z[best]) best = c
    }
    return { label: this.labels[best], confidence: z[best], scores }
  }

  /** @example JSON.stringify(model) // stores counts; NaiveBayesModel.fromJSON(JSON.parse(s)) restores it */
  toJSON(): NaiveBayesJson {
    const { labels, vocabulary, docCounts, termCounts } = this.table
    return {
      format: 'inloop-naive-bayes@1',
      version: this.version,
      options: { ...this.options },
      labels: [...labels],
      vocabulary: [...vocabulary],
      docCounts: [...docCounts],
      termCounts: termCounts.map((counts) => Array.from(counts)),
      temperature: this.temperature,
      shrinkage: this.shrinkage,
    }
  }

  /** @example const model = NaiveBayesModel.fromJSON(JSON.parse(saved)) */
  static fromJSON(json: NaiveBayesJson): NaiveBayesModel {
    const v = json?.vocabulary?.length
    const k = json?.labels?.length
    const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0
    const shaped =
      json?.format === 'inloop-naive-bayes@1' && k >= 2 && json.docCounts?.length === k &&
      json.termCounts?.length === k && json.termCounts.every((row) => row.length === v) &&
      positive(json.options?.alpha) && typeof json.options.bigrams === 'boolean' &&
      positive(json.temperature) && json.shrinkage >= 0 && json.shrinkage <= 1
    if (!shaped) throw new AiError('AI_BAD_MODEL', 'This is not a saved inloop-naive-bayes@1 model, or it is damaged; retrain it.')
    const table: CountTable = {
      labels: [...json.labels],
      vocabulary: [...json.vocabulary],
      docCounts: [...json.docCounts],
      termCounts: json.termCounts.map((row) => Float64Array.from(row)),
    }
    return new NaiveBayesModel(json.version, { ...json.options }, table, json.temperature, json.shrinkage)
  }
}

function resolveOptions(options: NaiveBayesOptions): Required<NaiveBayesOptions> {
  return { alpha: options.alpha ?? 0.5, bigrams: options.bigrams ?? true }
}

/**
 * The version `trainNaiveBayes` would give these examples, without training:
 * what a cache looks models up by.
 *
 * @example
 * naiveBayesVersion(examples) === trainNaiveBayes(examples).version // true
 */
export function naiveBayesVersion(examples: readonly LabelledExample[], options: NaiveBayesOptions = {}): string {
  return modelVersionOf(sortExamples(examples), resolveOptions(options))
}

/**
 * Train a calibrated classifier. Order of examples does not matter; the same
 * examples and options always give the same model and version.
 *
 * @example
 * const model = trainNaiveBayes([
 *   { text: 'steady salary, no debts', label: 'good' },
 *   { text: 'two missed payments, new job', label: 'risky' },
 * ])
 * model.version // 'nb-…'
 */
export function trainNaiveBayes(examples: readonly LabelledExample[], options: NaiveBayesOptions = {}): NaiveBayesModel {
  const resolved = resolveOptions(options)
  if (examples.length === 0) throw new AiError('AI_NO_EXAMPLES', 'The classifier needs labelled examples; add some with at least two labels.')
  const sorted = sortExamples(examples)
  const counted = countExamples(sorted, resolved.bigrams)
  const { labels } = counted.table
  if (labels.length < 2) {
    throw new AiError('AI_TOO_FEW_LABELS', `All examples have the label '${labels[0]}'; add examples of at least one other label.`)
  }
  const temperature = fitTemperature(leaveOneOutLogits(counted, resolved.alpha), counted.docLabels)
  const version = modelVersionOf(sorted, resolved)
  return new NaiveBayesModel(version, resolved, counted.table, temperature, shrinkageFor(sorted.length, labels.length))
}
