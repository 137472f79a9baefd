/** What only the memory store promises (the shared contract is in store-contract.test.ts). */
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { simpleRun } from './fixtures/run-log.js'
import { sampleFlow } from './fixtures/flows.js'

describe('memory store', () => {
  it('shares nothing between two stores', async () => {
    const a = createMemoryStore()
    const b = createMemoryStore()
    const log = simpleRun('r_1')
    await a.runs.appendRun('r_1', log.take(), log.state())
    await a.flows.saveDraft('loan', sampleFlow(), 'ann')
    expect(await b.runs.countRuns()).toBe(0)
    expect(await b.flows.listFlows()).toEqual([])
  })

  it('stamps drafts and versions with the clock it is given', async () => {
    const store = createMemoryStore({ now: () => '2030-01-01T00:00:00.000Z' })
    await store.flows.saveDraft('loan', sampleFlow(), 'ann')
    await store.flows.publish('loan', 'bob')
    expect((await store.flows.listVersions('loan'))[0].publishedAt).toBe('2030-01-01T00:00:00.000Z')
  })

  it('finishes appends under way when closed, then refuses new ones', async () => {
    const store = createMemoryStore()
    const log = simpleRun('r_1')
    const pending = store.runs.appendRun('r_1', log.take(), log.state())
    await store.close()
    await pending
    expect(await store.runs.countRuns()).toBe(1)
    const next = simpleRun('r_2')
    await expect(store.runs.appendRun('r_2', next.take(), next.state())).rejects.toMatchObject({ code: 'STORE_CLOSED' })
  })
})
