/**
 * Reviewed examples a flow's AI step learned from after it was published
 * (retraining). A request names one with `options.dataset` (and
 * `options.flowId`); the local provider trains on the step's own examples
 * plus the dataset's, so the model version changes with what it learned.
 */
import type { AiRequest } from '../../../node-types/sdk/types.js'
import { AiError } from '../errors.js'
import type { LabelledExample } from './model-version.js'

/** Where the provider finds a dataset version's examples (the store, in a server). */
export interface DatasetSource {
  examples(flowId: string, datasetId: string): Promise<readonly LabelledExample[] | undefined>
}

/**
 * A request's examples with its dataset's appended. The combined array is
 * remembered per (examples array, dataset) so the model cache, which keys
 * versions by array identity, never re-hashes on the hot path.
 */
export function createDatasetResolver(source: DatasetSource | undefined) {
  const combined = new WeakMap<readonly LabelledExample[], Map<string, LabelledExample[]>>()
  return async function withDataset(request: AiRequest): Promise<AiRequest> {
    const id = request.options?.dataset
    if (typeof id !== 'string' || !id) return request
    const flowId = typeof request.options?.flowId === 'string' ? request.options.flowId : ''
    const base = request.examples ?? []
    let byId = combined.get(base)
    if (!byId) combined.set(base, (byId = new Map()))
    let examples = byId.get(`${flowId}\u0000${id}`)
    if (!examples) {
      const extra = source ? await source.examples(flowId, id) : undefined
      if (!extra) throw new AiError('AI_UNKNOWN_DATASET', `Dataset '${id}' of flow '${flowId}' is not stored on this server; retrain the step or roll its parameters back.`)
      examples = [...base, ...extra]
      byId.set(`${flowId}\u0000${id}`, examples)
    }
    return { ...request, examples }
  }
}
