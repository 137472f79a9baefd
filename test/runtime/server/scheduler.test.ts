import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { composeEngine } from '../../../runtime/compose.js'
import type { Engine } from '../../../runtime/engine/index.js'
import { createLogger } from '../../../runtime/log.js'
import { startScheduler, type Scheduler } from '../../../runtime/scheduler.js'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { manualClock } from '../../helpers/api.js'
import { reviewFlow } from '../../helpers/flows.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the timer scheduler', () => {
  let scheduler: Scheduler | undefined
  afterEach(async () => {
    await scheduler?.stop()
    scheduler = undefined
  })

  /** An engine on a memory store with a flow whose review is due after `due` and reminds. */
  async function setup(due = 'PT1M') {
    const clock = manualClock()
    const store = createMemoryStore()
    const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('silent'), clock })
    const f = reviewFlow('timed', { due, onDeadline: 'port' })
    f.nodes.push({ id: 'late', type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: { outcome: 'overdue' } })
    f.edges.push({ id: 'late', source: 'review', sourcePort: 'overdue', target: 'late' })
    await store.flows.saveDraft('timed', f as never, 'test')
    await store.flows.publish('timed', 'test')
    const start = async () => (await engine.startRun({ flowId: 'timed', input: {} })).runId
    return { clock, store, engine, start }
  }

  /** Make every withRun on `runId` fail, counting the attempts. */
  function poison(engine: Engine, runId: string) {
    const original = engine.withRun
    const attempts = { count: 0 }
    engine.withRun = ((id: string, fn: never) => {
      if (id !== runId) return original(id, fn)
      attempts.count++
      return Promise.reject(new Error('the flow version is gone'))
    }) as Engine['withRun']
    return attempts
  }

  it('fires a deadline that is already due when it starts', async () => {
    const { clock, store, engine, start } = await setup()
    const runId = await start()
    clock.advance(61_000)
    scheduler = startScheduler(engine)
    await sleep(100)
    expect((await store.runs.getRun(runId))?.outcome).toBe('overdue')
  })

  it('retries a timer that keeps failing with a pause instead of spinning on it', async () => {
    const { clock, engine, start } = await setup()
    const runId = await start()
    const attempts = poison(engine, runId)
    clock.advance(61_000)
    scheduler = startScheduler(engine)
    await sleep(600)
    expect(attempts.count).toBe(1)
  })

  it('fires the other due timers while one keeps failing', async () => {
    const { clock, store, engine, start } = await setup()
    const bad = await start()
    clock.advance(1_000)
    const good = await start()
    poison(engine, bad)
    clock.advance(61_000)
    scheduler = startScheduler(engine)
    await sleep(200)
    expect((await store.runs.getRun(good))?.outcome).toBe('overdue')
    expect((await store.runs.getRun(bad))?.status).toBe('waiting')
  })

  it('fires a failing timer once it can fire again', async () => {
    const { clock, store, engine, start } = await setup()
    const runId = await start()
    const original = engine.withRun
    poison(engine, runId)
    clock.advance(61_000)
    scheduler = startScheduler(engine)
    await sleep(100)
    engine.withRun = original
    clock.advance(2_000)
    await sleep(1_300)
    expect((await store.runs.getRun(runId))?.outcome).toBe('overdue')
  })
})
