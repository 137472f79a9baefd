import { afterAll, describe, expect, it } from 'vitest'
import { openLowdbStore } from '../../../runtime/store/lowdb/index.js'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { sampleFlow } from './fixtures/flows.js'
import { removeTempDirs, tempDir } from './fixtures/temp-dir.js'

afterAll(removeTempDirs)

describe('flow data (parameter versions, datasets)', () => {
  it('survives closing and reopening the data folder', async () => {
    const dir = await tempDir()
    const store = await openLowdbStore(dir)
    await store.flows.saveDraft('loan', sampleFlow('loan'), 'ada')
    await store.flowData.put('loan', 'parameters', { current: 2, versions: [1, 2] })
    await store.close()
    const reopened = await openLowdbStore(dir)
    expect(await reopened.flowData.get('loan', 'parameters')).toEqual({ current: 2, versions: [1, 2] })
    await reopened.close()
  })

  it('goes with its flow when the flow is deleted', async () => {
    for (const store of [createMemoryStore(), await openLowdbStore(await tempDir())]) {
      await store.flows.saveDraft('loan', sampleFlow('loan'), 'ada')
      await store.flowData.put('loan', 'dataset-ds-1', { examples: [] })
      await store.flows.deleteFlow('loan')
      expect(await store.flowData.get('loan', 'dataset-ds-1')).toBeUndefined()
      await store.close()
    }
  })

  it('hands out copies, so a caller cannot change what is stored', async () => {
    const store = createMemoryStore()
    await store.flowData.put('loan', 'parameters', { values: { limit: 1 } })
    const copy = (await store.flowData.get('loan', 'parameters')) as { values: { limit: number } }
    copy.values.limit = 99
    expect(await store.flowData.get('loan', 'parameters')).toEqual({ values: { limit: 1 } })
  })

  it('refuses keys that could leave the flow’s folder', async () => {
    const store = createMemoryStore()
    await expect(store.flowData.put('loan', '../../etc', {})).rejects.toMatchObject({ code: 'BAD_ID' })
  })
})
