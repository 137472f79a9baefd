/**
 * Dataset versions: the reviewed examples an AI step was retrained with,
 * stored per flow (`dataset-<id>` in the store's flow data) and never changed.
 * Ids are content hashes, so the same examples always make the same version.
 */
import { createHash } from 'node:crypto'
import type { Store } from '../engine/store.js'
import type { DatasetSource } from '../ai/local/datasets.js'
import { sortExamples, type LabelledExample } from '../ai/local/model-version.js'

export interface DatasetVersion {
  /** `ds-` and 12 hex digits of the content hash. */
  id: string
  flowId: string
  /** The AI step that learns from it. */
  nodeId: string
  examples: LabelledExample[]
  createdAt: string
  createdBy: string
  /** Runs the examples were drawn from. */
  runs: number
}

/**
 * @example
 * datasetIdOf('loan-approval', 'score', examples) // 'ds-1a2b3c4d5e6f'
 */
export function datasetIdOf(flowId: string, nodeId: string, examples: readonly LabelledExample[]): string {
  const hash = createHash('sha256').update(JSON.stringify([flowId, nodeId]))
  for (const e of sortExamples(examples)) hash.update(JSON.stringify([e.label, e.text]))
  return `ds-${hash.digest('hex').slice(0, 12)}`
}

const keyOf = (id: string) => `dataset-${id}`

export async function saveDataset(store: Store, dataset: DatasetVersion): Promise<void> {
  await store.flowData.put(dataset.flowId, keyOf(dataset.id), dataset)
}

export async function loadDataset(store: Store, flowId: string, id: string): Promise<DatasetVersion | undefined> {
  if (!/^ds-[0-9a-f]{12}$/.test(id)) return undefined
  return (await store.flowData.get(flowId, keyOf(id))) as DatasetVersion | undefined
}

/**
 * The local provider's view of stored datasets. Versions never change, so
 * each is read once and kept.
 */
export function storeDatasetSource(store: Store): DatasetSource {
  const loaded = new Map<string, readonly LabelledExample[]>()
  return {
    async examples(flowId, id) {
      const key = `${flowId}\u0000${id}`
      const hit = loaded.get(key)
      if (hit) return hit
      const dataset = await loadDataset(store, flowId, id)
      if (!dataset) return undefined
      loaded.set(key, dataset.examples)
      return dataset.examples
    },
  }
}
