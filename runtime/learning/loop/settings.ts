/** The learning loop's settings per flow, kept with the flow's owner data (`learning-settings`). */
import { learningSettingsSchema, type LearningSettings } from '../../../node-types/api/learning-loop.js'
import type { Store } from '../../engine/store.js'

const KEY = 'learning-settings'

export async function loadSettings(store: Store, flowId: string): Promise<LearningSettings> {
  const stored = await store.flowData.get(flowId, KEY)
  const parsed = learningSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : learningSettingsSchema.parse({})
}

/** Merge an update over the stored settings and keep the result. */
export async function saveSettings(store: Store, flowId: string, update: Partial<LearningSettings>): Promise<LearningSettings> {
  const settings = learningSettingsSchema.parse({ ...(await loadSettings(store, flowId)), ...update })
  await store.flowData.put(flowId, KEY, settings)
  return settings
}
