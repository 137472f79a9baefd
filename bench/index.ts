/**
 * `npm run bench`: every benchmark in one run, each printed beside its target
 * and the baseline measured in the same run. Exit code 1 if a target is missed.
 * Pick some with arguments: `npm run bench -- engine http`.
 */
import { benchClassifier } from './classifier.js'
import { benchDesigner } from './designer.bench.js'
import { benchLive } from './live.js'
import { benchEngine } from './engine.js'
import { benchHttp } from './http.js'
import { benchInbox } from './inbox.js'
import { benchStoreCommit } from './store-commit.js'
import { printReport, type Figure } from './report.js'
import { benchReplay } from './replay.js'
import { benchLearning } from './learning.js'
import { benchWhatIf } from './what-if.js'

type Bench = () => Promise<Figure[]>

const benches: Record<string, Bench> = {
  async engine() {
    const r = await benchEngine()
    const limit = `plain JS loop: ${Math.round(r.plainLoopPerSec).toLocaleString('en-US')} runs/s`
    return [
      { name: 'automated runs, in memory', value: r.memoryRunsPerSec, unit: 'runs/s', target: { value: 50_000, higherIsBetter: true }, baseline: limit },
      { name: 'automated runs, durable (lowdb, fsynced)', value: r.durableRunsPerSec, unit: 'runs/s', target: { value: 1_000, higherIsBetter: true }, baseline: limit },
    ]
  },
  async store() {
    const r = await benchStoreCommit()
    const [small] = r.sizes
    const figures: Figure[] = r.sizes.flatMap((s) => [
      { name: `durable commit p50, ${s.runs.toLocaleString('en-US')} runs stored`, value: s.p50Ms, unit: 'ms' },
      {
        name: `durable commit p95, ${s.runs.toLocaleString('en-US')} runs stored`,
        value: s.p95Ms,
        unit: 'ms',
        ...(s === small ? {} : { target: { value: 2 * small.p95Ms, higherIsBetter: false }, baseline: `2 × p95 at ${small.runs.toLocaleString('en-US')}` }),
      },
      { name: `open the data folder, ${s.runs.toLocaleString('en-US')} runs`, value: s.openMs, unit: 'ms' },
    ])
    figures.push({ name: `durable appends, ${r.concurrency} concurrent callers`, value: r.appendsPerSec, unit: '/s' })
    return figures
  },
  async classifier() {
    const r = await benchClassifier()
    return [
      { name: `local classifier: train ${r.examples} examples`, value: r.trainMs, unit: 'ms' },
      { name: 'local classifier: predict a 30-word text', value: r.predictPerSec, unit: '/s' },
    ]
  },
  async 'what-if'() {
    const r = await benchWhatIf()
    const runs = r.runs.toLocaleString('en-US')
    return [
      { name: `what-if over ${runs} recorded runs (both scenarios)`, value: r.whatIfMs, unit: 'ms', target: { value: 1_000, higherIsBetter: false } },
      { name: `fold ${runs} run logs into cases (once, at first use)`, value: r.foldMs, unit: 'ms' },
    ]
  },
  async replay() {
    const r = await benchReplay()
    const runs = r.runs.toLocaleString('en-US')
    const baseline = `what-if over the same runs: ${r.whatIfMs} ms`
    const target = { value: 2_000, higherIsBetter: false }
    return [
      { name: `replay the published version on ${runs} past runs (all reproduced)`, value: r.publishedMs, unit: 'ms', target, baseline },
      { name: `try a draft on ${runs} past runs (${r.moved.toLocaleString('en-US')} moved)`, value: r.draftMs, unit: 'ms', target, baseline },
    ]
  },
  async learning() {
    const results = await benchLearning()
    return results.flatMap((r) => [
      { name: `learning loop, ${r.dataset}: held-out accuracy of the last model`, value: r.last, unit: '', target: { value: Math.round((r.first + 0.15) * 1000) / 1000, higherIsBetter: true }, baseline: `first model ${r.first.toFixed(3)} (+0.15)` },
      { name: `learning loop, ${r.dataset}: approved steps that made it worse`, value: r.worseApprovals, unit: '', target: { value: 0, higherIsBetter: false }, baseline: `${r.curve.length - 1} candidates` },
    ])
  },
  async inbox() {
    const r = await benchInbox()
    const open = `${r.tasks.toLocaleString('en-US')} open tasks`
    const target = { value: 50, higherIsBetter: false }
    return [
      { name: `inbox page of 50 by group, sorted by due, p95 (${open})`, value: r.groupPageP95Ms, unit: 'ms', target, baseline: `p50 ${r.groupPageP50Ms.toFixed(2)} ms` },
      { name: `inbox page of 50, unclaimed only, p95 (${open})`, value: r.unclaimedPageP95Ms, unit: 'ms', target },
      { name: `inbox page of 50, overdue only, p95 (${open})`, value: r.overdueP95Ms, unit: 'ms', target },
      { name: `inbox "my tasks", p95 (${open})`, value: r.mineP95Ms, unit: 'ms', target },
      { name: `GET /api/tasks page of 50 by group, p95 (${open})`, value: r.httpPageP95Ms, unit: 'ms', target },
    ]
  },
  async http() {
    const r = await benchHttp()
    return [{ name: 'runs started+completed via HTTP (loopback, lowdb)', value: r.httpRunsPerSec, unit: 'runs/s', target: { value: 300, higherIsBetter: true } }]
  },
  async designer() {
    const r = await benchDesigner()
    return [
      { name: 'designer: initial JS (gzip)', value: r.initialJsGzipKb, unit: 'KB', target: { value: 200, higherIsBetter: false } },
      { name: 'designer: Monaco or elk in the initial JS', value: r.heavyInInitial.length, unit: 'chunks', target: { value: 0, higherIsBetter: false } },
      { name: 'designer: JS to open the editor (gzip)', value: r.editorJsGzipKb, unit: 'KB' },
      { name: 'designer: Monaco, loaded on demand (gzip)', value: r.monacoJsGzipKb, unit: 'KB' },
      { name: `designer: open a ${r.nodes.toLocaleString('en-US')}-step flow`, value: r.openLargeFlowMs, unit: 'ms', target: { value: 1500, higherIsBetter: false } },
      { name: 'designer: median frame while panning it', value: r.panMedianFrameMs, unit: 'ms', target: { value: 16.7, higherIsBetter: false } },
    ]
  },
  async live() {
    const { latency, memory } = await benchLive()
    const base = `${latency.eventsPerSec} events/s, ${latency.samples} samples`
    return [
      { name: 'live: engine event → overlay in the browser, p50', value: latency.p50Ms, unit: 'ms', baseline: base },
      { name: 'live: engine event → overlay in the browser, p95', value: latency.p95Ms, unit: 'ms', target: { value: 100, higherIsBetter: false }, baseline: base },
      {
        name: `live: bytes queued for ${memory.slowClients} clients that never read`,
        value: memory.queuedMb,
        unit: 'MB',
        target: { value: 16, higherIsBetter: false },
        baseline: `unbounded queues: ${memory.unboundedWouldQueueMb} MB for ${memory.events} events`,
      },
      { name: `live: server heap growth with ${memory.slowClients} slow clients`, value: memory.heapGrowthMb, unit: 'MB', target: { value: 64, higherIsBetter: false }, baseline: `replay ring ${memory.ringMb} MB` },
    ]
  },
}

export async function main(args: string[]): Promise<number> {
  const chosen = args.length > 0 ? args : Object.keys(benches)
  const unknown = chosen.filter((name) => !benches[name])
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`)
    return 2
  }
  const figures: Figure[] = []
  for (const name of chosen) {
    process.stderr.write(`running ${name}…\n`)
    figures.push(...(await benches[name]()))
  }
  return printReport(figures) ? 0 : 1
}
