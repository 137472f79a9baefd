/** The shared run logic over a persistence that can fail: a failed write changes nothing. */
import { describe, expect, it } from 'vitest'
import { RunIndex } from '../../../runtime/store/run-index.js'
import { createRunStore, type RunDoc, type RunPersistence } from '../../../runtime/store/run-store.js'
import { simpleRun } from './fixtures/run-log.js'

function flakyPersistence(): RunPersistence & { failNext: boolean; writes: number } {
  const docs = new Map<string, RunDoc>()
  return {
    failNext: false,
    writes: 0,
    async read(runId) {
      return docs.get(runId)
    },
    async write(batch) {
      this.writes++
      if (this.failNext) {
        this.failNext = false
        throw new Error('EIO: disk went away')
      }
      for (const doc of batch) docs.set(doc.runId, doc)
    },
  }
}

describe('run store', () => {
  it('rejects an append whose write fails, keeps the run as it was, and accepts the same append again', async () => {
    const persistence = flakyPersistence()
    const runs = createRunStore(persistence, new RunIndex(), { cacheLimit: 10 })
    const log = simpleRun('r_1')
    const first = log.take()
    await runs.appendRun('r_1', first.slice(0, 2), log.state())
    persistence.failNext = true
    await expect(runs.appendRun('r_1', first.slice(2), log.state())).rejects.toThrow('EIO')
    expect((await runs.getEvents('r_1'))?.length).toBe(2)
    expect(await runs.runIdForTask('t-r_1')).toBeUndefined()
    await runs.appendRun('r_1', first.slice(2), log.state())
    expect(await runs.getRun('r_1')).toEqual(log.state())
  })

  it('fails only the appends of a run it cannot read, not the others of the same batch', async () => {
    const persistence = flakyPersistence()
    const read = persistence.read.bind(persistence)
    persistence.read = async (runId) => {
      if (runId === 'r_bad') throw new Error('STORE_CORRUPT: r_bad.json is empty')
      return read(runId)
    }
    const runs = createRunStore(persistence, new RunIndex(), { cacheLimit: 0 })
    const bad = simpleRun('r_bad')
    const good = simpleRun('r_good')
    await runs.appendRun('r_bad', bad.take(), bad.state())
    bad.add({ type: 'task.decided', taskId: 't-r_bad', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
    const results = await Promise.allSettled([runs.appendRun('r_bad', bad.take(), bad.state()), runs.appendRun('r_good', good.take(), good.state())])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled'])
    expect((await runs.getEvents('r_good'))?.length).toBe(5)
  })

  it('writes appends made together in one batch', async () => {
    const persistence = flakyPersistence()
    const runs = createRunStore(persistence, new RunIndex(), { cacheLimit: 10 })
    const logs = ['r_1', 'r_2', 'r_3'].map((id) => simpleRun(id))
    await Promise.all(logs.map((log) => runs.appendRun(log.runId, log.take(), log.state())))
    expect(persistence.writes).toBe(1)
    expect(await runs.countRuns()).toBe(3)
  })

  it('takes two appends to the same run queued together, in order', async () => {
    const runs = createRunStore(flakyPersistence(), new RunIndex(), { cacheLimit: 10 })
    const log = simpleRun('r_1')
    const events = log.take()
    await Promise.all([runs.appendRun('r_1', events.slice(0, 3), log.state()), runs.appendRun('r_1', events.slice(3), log.state())])
    expect((await runs.getEvents('r_1'))?.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })
})
