/**
 * Cost of one durable appendRun in the lowdb store as the folder grows: p50
 * and p95 of a ~5-event append with 1k, 10k and 100k runs stored, the time to
 * open each folder, an inbox query, and durable throughput of concurrent
 * appends. The target: p95 at 100k within 2× of p95 at 1k.
 * Run alone with `node --import tsx bench/store-commit.ts`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { NewEvent, RunEvent } from '../runtime/engine/events.js'
import { deriveState } from '../runtime/engine/state.js'
import { openLowdbStore, type LowdbStore } from '../runtime/store/lowdb/lowdb-store.js'
import { BUCKET_PATTERN, RUNS_DIR, RUNS_PER_BUCKET, bucketName, runFileName } from '../runtime/store/lowdb/run-file-format.js'

export interface StoreCommitAtSize {
  runs: number
  openMs: number
  p50Ms: number
  p95Ms: number
  /** One page of 50 open tasks of one role, by due time. */
  inboxP95Ms: number
}

export interface StoreCommitBench {
  sizes: StoreCommitAtSize[]
  /** Runs (one 5-event append each) made durable per second by `concurrency` concurrent callers. */
  appendsPerSec: number
  concurrency: number
  /** p95 at the largest size over p95 at the smallest; the target is ≤ 2. */
  p95Ratio: number
}

const ROLES = ['credit-officer', 'lawyer', 'agent', 'supervisor']

/** A started run waiting on a review task: five events. */
function simpleRunEvents(runId: string, n: number): RunEvent[] {
  const at = (s: number): string => new Date(Date.UTC(2025, 0, 1) + n * 1000 + s).toISOString()
  const events: NewEvent[] = [
    { type: 'run.started', flowId: 'loan', flowVersion: 1, input: { amount: 1000 + n }, params: {} },
    { type: 'node.completed', nodeId: 'start', exec: 'start#1', port: 'out', output: {} },
    { type: 'node.entered', nodeId: 'review', exec: 'review#1', input: { amount: 1000 + n } },
    {
      type: 'task.created',
      taskId: `t_${runId}`,
      nodeId: 'review',
      exec: 'review#1',
      title: 'Review the loan',
      role: ROLES[n % ROLES.length],
      decisions: ['approve', 'reject'],
      show: { score: 0.5, amount: 1000 + n },
      form: [],
      dueAt: at(((n * 7919) % 100_000) * 1000),
      requiredApprovals: 1,
      approvalDecisions: ['approve'],
    },
    { type: 'node.waiting', nodeId: 'review', exec: 'review#1', state: {} },
  ]
  return events.map((e, i) => ({ ...e, seq: i + 1, at: at(i) }) as RunEvent)
}

/** Write runs straight into fresh buckets in the store's file format, without fsync. */
export function seedRuns(dir: string, from: number, to: number): void {
  const root = join(dir, RUNS_DIR)
  mkdirSync(root, { recursive: true })
  let bucket = readdirSync(root).filter((b) => BUCKET_PATTERN.test(b)).length
  for (let n = from; n < to; n++) {
    if ((n - from) % RUNS_PER_BUCKET === 0) mkdirSync(join(root, bucketName(++bucket)))
    const runId = `r_seed${String(n).padStart(7, '0')}`
    const doc = { runId, events: simpleRunEvents(runId, n), outbox: [] }
    writeFileSync(join(root, bucketName(bucket), runFileName(runId)), JSON.stringify(doc))
  }
  // One global flush, so the measured fsyncs do not pay for writing back the seed.
  try {
    execFileSync('sync')
  } catch {
    // No `sync` command: the first measurements may be slower.
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]
}

let fresh = 0
async function appendNewRun(store: LowdbStore): Promise<void> {
  const runId = `r_bench${Date.now().toString(36)}${(fresh++).toString(36).padStart(6, '0')}`
  const events = simpleRunEvents(runId, fresh)
  await store.runs.appendRun(runId, events, deriveState(runId, events))
}

async function measureAt(dir: string, runs: number, samples: number): Promise<StoreCommitAtSize> {
  let t = performance.now()
  const store = await openLowdbStore(dir)
  const openMs = performance.now() - t
  try {
    for (let i = 0; i < 50; i++) await appendNewRun(store)
    const latencies: number[] = []
    for (let i = 0; i < samples; i++) {
      t = performance.now()
      await appendNewRun(store)
      latencies.push(performance.now() - t)
    }
    const inbox: number[] = []
    for (let i = 0; i < 200; i++) {
      t = performance.now()
      await store.runs.queryTasks({ status: 'open', roles: [ROLES[i % ROLES.length]], sort: 'due', offset: i * 5, limit: 50 })
      inbox.push(performance.now() - t)
    }
    return { runs, openMs, p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), inboxP95Ms: percentile(inbox, 0.95) }
  } finally {
    await store.close()
  }
}

async function measureThroughput(dir: string, concurrency: number, seconds: number): Promise<number> {
  const store = await openLowdbStore(dir)
  try {
    let done = 0
    const until = performance.now() + seconds * 1000
    const start = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          await appendNewRun(store)
          done++
        }
      }),
    )
    return done / ((performance.now() - start) / 1000)
  } finally {
    await store.close()
  }
}

export async function benchStoreCommit(
  options: { sizes?: number[]; samples?: number; concurrency?: number; seconds?: number } = {},
): Promise<StoreCommitBench> {
  const { sizes = [1_000, 10_000, 100_000], samples = 500, concurrency = 64, seconds = 3 } = options
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-store-'))
  try {
    const results: StoreCommitAtSize[] = []
    let seeded = 0
    for (const size of sizes) {
      seedRuns(dir, seeded, size)
      seeded = size
      results.push(await measureAt(dir, size, samples))
    }
    const appendsPerSec = await measureThroughput(dir, concurrency, seconds)
    const p95Ratio = results[results.length - 1].p95Ms / results[0].p95Ms
    return { sizes: results, appendsPerSec, concurrency, p95Ratio }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export function printStoreCommit(r: StoreCommitBench): void {
  const f = (n: number): string => n.toFixed(2).padStart(9)
  console.log('runs stored   open ms   p50 ms   p95 ms   inbox p95 ms')
  for (const s of r.sizes) console.log(`${String(s.runs).padStart(11)} ${f(s.openMs)} ${f(s.p50Ms)} ${f(s.p95Ms)} ${f(s.inboxP95Ms)}`)
  console.log(`p95 ratio largest/smallest: ${r.p95Ratio.toFixed(2)} (target ≤ 2)`)
  console.log(`durable appends/s with ${r.concurrency} concurrent callers: ${Math.round(r.appendsPerSec)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printStoreCommit(await benchStoreCommit())
}
