/**
 * The offline `local` AI provider: no keys, no network. `classify` and `score`
 * use a naive Bayes classifier trained from the request's examples, `extract`
 * rule-based extractors, `draft` a template and the nearest example.
 */
import type { AiAnswer, AiRequest } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'
import type { AiProviderImpl } from '../provider.js'
import { classify, score } from './classify.js'
import { draft } from './draft.js'
import { EXTRACTOR_NAMES, extractFields } from './extract.js'
import { createDatasetResolver, type DatasetSource } from './datasets.js'
import { createModelCache, type ModelCacheStats } from './model-cache.js'

export const EXTRACTOR_MODEL = 'local-extractors'
export const EXTRACTOR_MODEL_VERSION = 'extractors-1'

export interface LocalProviderOptions {
  /** Trained models kept in memory (least recently used evicted). Default 32. */
  maxModels?: number
  /** "Today" for relative dates when a request has no `options.referenceDate`. */
  now?: () => Date
  /** Reviewed examples of retrained steps, for requests that name `options.dataset`. */
  datasets?: DatasetSource
}

export interface LocalProvider extends AiProviderImpl {
  /** How many models were trained and how often a cached one was reused. */
  stats(): ModelCacheStats
}

function extract(request: AiRequest, now: () => Date): AiAnswer {
  const names = request.extract?.length ? request.extract : EXTRACTOR_NAMES
  const reference = request.options?.referenceDate
  const referenceDate = typeof reference === 'string' && !Number.isNaN(Date.parse(reference)) ? new Date(reference) : now()
  const dateOrder = request.options?.dateOrder === 'MDY' ? 'MDY' : 'DMY'
  const value = extractFields(request.text, names, { referenceDate, dateOrder })
  const found = names.filter((name) => value[name].length > 0).length
  return { value, confidence: found / names.length, model: EXTRACTOR_MODEL, modelVersion: EXTRACTOR_MODEL_VERSION }
}

/**
 * The `local` provider. Request options it reads: `alpha`, `bigrams` (classifier),
 * `referenceDate` (ISO, for relative dates), `dateOrder` (`'DMY'` default or `'MDY'`),
 * `dataset` + `flowId` (a retrained step: its reviewed examples are added to the step's).
 *
 * @example
 * const ai = createAiService([createLocalProvider()])
 * await ai.run({ task: 'extract', provider: 'local', text: 'Pay €1.250,50 by 15.04.2025', extract: ['amount', 'date'] })
 * // → { value: { amount: [...], date: [...] }, confidence: 1, model: 'local-extractors', modelVersion: 'extractors-1' }
 */
export function createLocalProvider(options: LocalProviderOptions = {}): LocalProvider {
  const cache = createModelCache(options.maxModels ?? 32)
  const now = options.now ?? (() => new Date())
  const withDataset = createDatasetResolver(options.datasets)
  const answer = (request: AiRequest): AiAnswer => {
    switch (request.task) {
      case 'classify':
        return classify(request, cache)
      case 'score':
        return score(request, cache)
      case 'extract':
        return extract(request, now)
      case 'draft':
        return draft(request)
      default:
        throw new AiError('AI_UNKNOWN_TASK', `Unknown AI task '${String(request.task)}'; use classify, extract, score or draft.`)
    }
  }
  return {
    id: 'local',
    // Errors become rejections, so callers see one failure path.
    run: async (request) => answer(await withDataset(request)),
    stats: () => cache.stats(),
  }
}
