/**
 * Helpers for (re)training the local classifier from reviewed answers and for
 * checking how good a model is before it replaces another.
 */
import { trainNaiveBayes, type LabelledExample, type NaiveBayesModel, type NaiveBayesOptions } from './naive-bayes.js'

export interface AccuracyReport {
  /** Share of examples whose predicted label matched; 0 when there are none. */
  accuracy: number
  correct: number
  total: number
  /** Per true label: how many there were and how many were predicted right. */
  byLabel: Record<string, { total: number; correct: number }>
  /** Mean confidence of the predictions, to compare with accuracy (calibration). */
  meanConfidence: number
}

/**
 * Train the local classifier from labelled examples (e.g. reviewed answers).
 *
 * @example
 * const model = trainModel(reviewed.map((r) => ({ text: r.input.note, label: r.finalAnswer })))
 */
export function trainModel(examples: readonly LabelledExample[], options?: NaiveBayesOptions): NaiveBayesModel {
  return trainNaiveBayes(examples, options)
}

/**
 * Score a model on labelled examples it was not trained on.
 *
 * @example
 * evaluateAccuracy(trainModel(train), heldOut).accuracy // 0.86
 */
export function evaluateAccuracy(model: NaiveBayesModel, examples: readonly LabelledExample[]): AccuracyReport {
  const byLabel: AccuracyReport['byLabel'] = {}
  let correct = 0
  let confidence = 0
  for (const example of examples) {
    const prediction = model.predict(example.text)
    const hit = prediction.label === example.label
    const bucket = (byLabel[example.label] ??= { total: 0, correct: 0 })
    bucket.total++
    if (hit) {
      bucket.correct++
      correct++
    }
    confidence += prediction.confidence
  }
  const total = examples.length
  return {
    accuracy: total ? correct / total : 0,
    correct,
    total,
    byLabel,
    meanConfidence: total ? confidence / total : 0,
  }
}
