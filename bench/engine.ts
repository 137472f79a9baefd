/**
 * Engine throughput on the automated path of the loan-approval example
 * (start → AI score → rule → end), beside a plain JavaScript loop doing the
 * same scoring and threshold work — the limit no engine can beat.
 *
 * Standalone: `node --import tsx bench/engine.ts`
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Flow } from '../node-types/flow/schema.js'
import { createModelCache } from '../runtime/ai/local/model-cache.js'
import { composeEngine } from '../runtime/compose.js'
import type { Store } from '../runtime/engine/store.js'
import { createLogger } from '../runtime/log.js'
import { openLowdbStore } from '../runtime/store/lowdb/index.js'
import { createMemoryStore } from '../runtime/store/memory-store.js'

const root = join(import.meta.dirname, '..')
const flow: Flow = JSON.parse(readFileSync(join(root, 'examples/loan-approval.flow.json'), 'utf8'))
const [automatic] = JSON.parse(readFileSync(join(root, 'examples/loan-approval.inputs.json'), 'utf8'))

export interface EngineBench {
  plainLoopPerSec: number
  memoryRunsPerSec: number
  durableRunsPerSec: number
}

/** The limit: score with the same model and compare with the thresholds, nothing else. */
function plainLoop(seconds: number): number {
  const score = flow.nodes.find((n) => n.id === 'score')!.config as { examples: { text: string; label: string }[] }
  const model = createModelCache().get(score.examples)
  const params = Object.fromEntries(flow.parameters.map((p) => [p.name, p.value])) as Record<string, number>
  let runs = 0
  let approved = 0
  const end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) {
      const input = automatic.input
      const good = model.predict(input.note).scores.good
      if (input.amount < params.fourEyesAmount && good >= params.autoApproveScore) approved++
      runs++
    }
  }
  if (approved !== runs) throw new Error('the plain loop did not take the automatic path')
  return runs / seconds
}

async function engineRuns(store: Store, seconds: number, concurrency: number): Promise<number> {
  const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('silent') })
  await store.flows.saveDraft(flow.id, flow, 'bench')
  await store.flows.publish(flow.id, 'bench')
  const check = await engine.startRun({ flowId: flow.id, input: automatic.input })
  if (check.state.outcome !== 'approved') throw new Error(`expected the automatic path, got ${check.state.status}`)
  let completed = 0
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  const worker = async () => {
    while (performance.now() < end) {
      const { state } = await engine.startRun({ flowId: flow.id, input: automatic.input })
      if (state.status !== 'completed') throw new Error(`run ended ${state.status}`)
      completed++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return completed / ((performance.now() - started) / 1000)
}

export async function benchEngine(seconds = 3): Promise<EngineBench> {
  const plainLoopPerSec = plainLoop(seconds)
  const memoryRunsPerSec = await engineRuns(createMemoryStore(), seconds, 64)
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-'))
  const lowdb = await openLowdbStore(dir)
  let durableRunsPerSec: number
  try {
    // Group commit batches the fsyncs of concurrent runs; a run counts once its events are on disk.
    durableRunsPerSec = await engineRuns(lowdb, seconds, 256)
  } finally {
    await lowdb.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { plainLoopPerSec, memoryRunsPerSec, durableRunsPerSec }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchEngine())
}
