/**
 * The AI layer of the runtime: the service the engine receives, its providers,
 * and the local classifier's training helpers (for retraining from reviews).
 */
export { AiError, type AiErrorCode } from './errors.js'
export { createAiService, DEFAULT_AI_PROVIDER, type AiProviderImpl } from './provider.js'
export { createLocalProvider, type LocalProvider, type LocalProviderOptions } from './local/local-provider.js'
export { extractFields, EXTRACTOR_NAMES, type ExtractorName, type Finding } from './local/extract.js'
export { NaiveBayesModel, trainNaiveBayes, type LabelledExample, type NaiveBayesJson, type Prediction } from './local/naive-bayes.js'
export { evaluateAccuracy, trainModel, type AccuracyReport } from './local/training.js'
export { configuredAiProviders, type ConfiguredProvidersOptions } from './configured-providers.js'
export { createOpenAiProvider, type OpenAiProviderOptions } from './openai/openai-provider.js'
export { openAiOptionsFromEnv, openAiOptionsFromFile } from './openai/config.js'
export type { DatasetSource } from './local/datasets.js'
