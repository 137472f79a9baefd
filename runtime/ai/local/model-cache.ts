/**
 * Trained models by version, least recently used evicted first. Versions are
 * content hashes, so the same example set is never trained twice while its
 * model is cached, whichever flow or run asks.
 */
import { naiveBayesVersion, trainNaiveBayes, type LabelledExample, type NaiveBayesModel, type NaiveBayesOptions } from './naive-bayes.js'

export interface ModelCacheStats {
  trainings: number
  hits: number
  size: number
}

export interface ModelCache {
  /** The model for these examples: from the cache, or trained and cached now. */
  get(examples: readonly LabelledExample[], options?: NaiveBayesOptions): NaiveBayesModel
  stats(): ModelCacheStats
}

/**
 * @example
 * const cache = createModelCache(16)
 * cache.get(examples) === cache.get([...examples].reverse()) // true: same version
 */
export function createModelCache(maxModels = 32): ModelCache {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  const models = new Map<string, NaiveBayesModel>()
  // A flow's examples array is parsed once per flow version and then passed on
  // every run: remember its version by identity so the hot path never hashes.
  const versionsByArray = new WeakMap<readonly LabelledExample[], Map<string, string>>()
  let trainings = 0
  let hits = 0
  const versionOf = (examples: readonly LabelledExample[], options: NaiveBayesOptions): string => {
    const key = `${options.alpha ?? ''}|${options.bigrams ?? ''}`
    let byOptions = versionsByArray.get(examples)
    if (!byOptions) versionsByArray.set(examples, (byOptions = new Map()))
    let version = byOptions.get(key)
    if (version === undefined) byOptions.set(key, (version = naiveBayesVersion(examples, options)))
    return version
  }
  return {
    get(examples, options = {}) {
      const version = versionOf(examples, options)
      const cached = models.get(version)
      if (cached) {
        hits++
        models.delete(version)
        models.set(version, cached)
        return cached
      }
      const model = trainNaiveBayes(examples, options)
      trainings++
      models.set(version, model)
      if (models.size > maxModels) models.delete(models.keys().next().value as string)
      return model
    },
    stats: () => ({ trainings, hits, size: models.size }),
  }
}
