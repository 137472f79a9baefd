/**
 * The local provider's `classify` and `score` tasks: a naive Bayes model
 * trained from the request's examples (cached by version) predicts the text.
 */
import type { AiAnswer, AiRequest } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'
import type { ModelCache } from './model-cache.js'
import type { NaiveBayesOptions, Prediction } from './naive-bayes.js'

export const CLASSIFIER_MODEL = 'local-naive-bayes'

function modelOptions(options: AiRequest['options']): NaiveBayesOptions {
  const result: NaiveBayesOptions = {}
  if (typeof options?.alpha === 'number' && options.alpha > 0) result.alpha = options.alpha
  if (typeof options?.bigrams === 'boolean') result.bigrams = options.bigrams
  return result
}

/**
 * Keep only `labels`, in that order, renormalised: P(label | text, label ∈ labels).
 * Fewer than two labels restrict nothing (a score may name just its positive label),
 * but every named label must have examples.
 */
function restrict(prediction: Prediction, labels: readonly string[] | undefined, known: readonly string[]): Prediction {
  const wanted = [...new Set(labels ?? [])]
  const missing = wanted.filter((label) => !(label in prediction.scores))
  if (missing.length > 0) {
    throw new AiError(
      'AI_UNKNOWN_LABEL',
      `No examples have the label ${missing.map((l) => `'${l}'`).join(', ')}; add examples for it or drop it from labels (labels with examples: ${known.join(', ')}).`,
    )
  }
  if (wanted.length < 2) return prediction
  const total = wanted.reduce((sum, label) => sum + prediction.scores[label], 0)
  const scores: Record<string, number> = {}
  let best = wanted[0]
  for (const label of wanted) {
    scores[label] = prediction.scores[label] / total
    if (scores[label] > scores[best]) best = label
  }
  return { label: best, confidence: scores[best], scores }
}

function predict(request: AiRequest, cache: ModelCache): { prediction: Prediction; version: string } {
  const examples = request.examples ?? []
  if (examples.length === 0) {
    throw new AiError(
      'AI_NO_EXAMPLES',
      `The local provider learns ${request.task} from labelled examples: give the AI step examples with at least two labels.`,
    )
  }
  const model = cache.get(examples, modelOptions(request.options))
  return { prediction: restrict(model.predict(request.text), request.labels, model.labels), version: model.version }
}

/**
 * @example
 * classify({ task: 'classify', provider: 'local', text, examples }, cache)
 * // → { label: 'risky', confidence: 0.83, scores: {...}, model: 'local-naive-bayes', modelVersion: 'nb-…' }
 */
export function classify(request: AiRequest, cache: ModelCache): AiAnswer {
  const { prediction, version } = predict(request, cache)
  const { label, confidence, scores } = prediction
  return { label, confidence, scores, model: CLASSIFIER_MODEL, modelVersion: version }
}

/**
 * `value` is the probability of the first of `labels` (the positive one).
 *
 * @example
 * score({ task: 'score', provider: 'local', text, examples, labels: ['good', 'risky'] }, cache).value // 0.91
 */
export function score(request: AiRequest, cache: ModelCache): AiAnswer {
  const positive = request.labels?.[0]
  if (!positive) {
    throw new AiError('AI_NO_POSITIVE_LABEL', 'A score needs labels, the positive one first (e.g. ["good", "risky"]).')
  }
  const { prediction, version } = predict(request, cache)
  const { label, confidence, scores } = prediction
  return { label, value: scores[positive], confidence, scores, model: CLASSIFIER_MODEL, modelVersion: version }
}
