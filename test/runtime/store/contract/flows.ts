/** The store contract: drafts and published versions. */
import { describe, expect, it } from 'vitest'
import type { AppStore } from '../../../../runtime/store/open-store.js'
import { sampleFlow } from '../fixtures/flows.js'

export function flowsContract(store: () => AppStore): void {
  describe('flows', () => {
    it('saves a draft and lists it as changed until published', async () => {
      await store().flows.saveDraft('loan', sampleFlow(), 'ann')
      expect(await store().flows.listFlows()).toEqual([
        { id: 'loan', name: 'Loan approval', description: 'Approve small loans automatically', latestVersion: 0, updatedAt: expect.any(String), hasDraftChanges: true },
      ])
      expect(await store().flows.getDraft('loan')).toMatchObject({ flow: sampleFlow(), updatedBy: 'ann' })
    })

    it('publishes numbered, frozen versions that later drafts do not change', async () => {
      await store().flows.saveDraft('loan', sampleFlow(), 'ann')
      expect(await store().flows.publish('loan', 'bob', 'first')).toBe(1)
      expect((await store().flows.listFlows())[0]).toMatchObject({ latestVersion: 1, hasDraftChanges: false })
      await store().flows.saveDraft('loan', { ...sampleFlow(), name: 'Loan approval v2' }, 'ann')
      expect((await store().flows.listFlows())[0]).toMatchObject({ name: 'Loan approval v2', hasDraftChanges: true })
      expect(await store().flows.publish('loan', 'bob')).toBe(2)
      expect((await store().flows.getVersion('loan', 1))?.name).toBe('Loan approval')
      expect((await store().flows.getVersion('loan', 2))?.version).toBe(2)
      expect(await store().flows.getVersion('loan', 3)).toBeUndefined()
      expect(await store().flows.listVersions('loan')).toEqual([
        { version: 1, publishedAt: expect.any(String), publishedBy: 'bob', note: 'first' },
        { version: 2, publishedAt: expect.any(String), publishedBy: 'bob' },
      ])
    })

    it('gives two concurrent publishes distinct version numbers', async () => {
      await store().flows.saveDraft('loan', sampleFlow(), 'ann')
      const numbers = await Promise.all([store().flows.publish('loan', 'a'), store().flows.publish('loan', 'b')])
      expect(numbers.sort()).toEqual([1, 2])
    })

    it('refuses to publish a flow that has no draft', async () => {
      await expect(store().flows.publish('nope', 'bob')).rejects.toMatchObject({ code: 'FLOW_NOT_FOUND' })
    })

    it('refuses a draft whose id differs from the id it is saved under', async () => {
      await expect(store().flows.saveDraft('other', sampleFlow(), 'ann')).rejects.toMatchObject({ code: 'FLOW_ID_MISMATCH' })
    })

    it('deletes a flow with its versions', async () => {
      await store().flows.saveDraft('loan', sampleFlow(), 'ann')
      await store().flows.publish('loan', 'bob')
      expect(await store().flows.deleteFlow('loan')).toBe(true)
      expect(await store().flows.deleteFlow('loan')).toBe(false)
      expect(await store().flows.listFlows()).toEqual([])
      expect(await store().flows.getVersion('loan', 1)).toBeUndefined()
    })
  })
}
