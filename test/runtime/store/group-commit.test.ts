/** Calls arriving while a flush runs are batched into the next flush. */
import { describe, expect, it } from 'vitest'
import { GroupCommit } from '../../../runtime/store/group-commit.js'

describe('group commit', () => {
  it('batches calls made during a flush into one next flush', async () => {
    const batches: number[][] = []
    let release: () => void = () => undefined
    const committer = new GroupCommit<number>(async (batch) => {
      batches.push(batch.map((w) => w.item))
      if (batches.length === 1) await new Promise<void>((r) => (release = r))
      for (const w of batch) w.resolve()
    })
    const first = committer.submit(1)
    await new Promise((r) => setTimeout(r, 5))
    const later = [2, 3, 4].map((n) => committer.submit(n))
    release()
    await Promise.all([first, ...later])
    expect(batches).toEqual([[1], [2, 3, 4]])
  })

  it('rejects every unsettled call of a batch whose flush throws, and goes on with the next', async () => {
    let calls = 0
    const committer = new GroupCommit<number>(async (batch) => {
      if (++calls === 1) throw new Error('disk full')
      for (const w of batch) w.resolve()
    })
    const failed = [committer.submit(1), committer.submit(2)]
    await Promise.all(failed.map((p) => expect(p).rejects.toThrow('disk full')))
    await expect(committer.submit(3)).resolves.toBeUndefined()
  })
})
