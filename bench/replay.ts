/**
 * Trying a flow on 10,000 past runs of the loan-approval example: runs are
 * recorded through the real engine (AI score, rule, reviews decided by
 * credit officers), then replayed — the published version itself, and a
 * draft that changes a rule and asks for four eyes — beside a what-if over
 * the same cases (rules only, same parameters) as the baseline.
 *
 * Standalone: `node --import tsx bench/replay.ts`
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Flow } from '../node-types/flow/schema.js'
import { composeEngine } from '../runtime/compose.js'
import { decideTask } from '../runtime/engine/index.js'
import { createLearning, type Learning } from '../runtime/learning/index.js'
import { createLogger } from '../runtime/log.js'
import { createMemoryStore } from '../runtime/store/memory-store.js'

const root = join(import.meta.dirname, '..')
const flow: Flow = JSON.parse(readFileSync(join(root, 'examples/loan-approval.flow.json'), 'utf8'))
const notes = readFileSync(join(root, 'examples/datasets/loan-notes.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; label: string })

export interface ReplayBench {
  runs: number
  /** Milliseconds to replay the published version (every case should come out the same). */
  publishedMs: number
  /** Milliseconds to replay a draft with a changed rule and four eyes on every review. */
  draftMs: number
  /** A what-if over the same cases, for comparison. */
  whatIfMs: number
  same: number
  moved: number
}

async function recordRuns(runs: number): Promise<Learning> {
  const store = createMemoryStore()
  let learning: Learning | undefined
  const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('silent'), onCommit: (s, e) => learning?.observe(s, e) })
  learning = createLearning(engine)
  await store.flows.saveDraft(flow.id, flow, 'bench')
  await store.flows.publish(flow.id, 'bench')
  await learning.parameters.save(flow.id, { values: { autoApproveScore: 0.6 }, reason: 'bench', by: 'bench' })
  await learning.cases.cases(flow.id)
  for (let i = 0; i < runs; i++) {
    const note = notes[i % notes.length]
    const amount = i % 13 === 0 ? 80_000 : 1_000 + ((i * 7919) % 45_000)
    const p = (await learning.parameters.forNewRun(flow.id))!
    const { state } = await engine.startRun({ flowId: flow.id, input: { applicant: `A${i}`, amount, note: note.text }, params: p.params, parametersVersion: p.parametersVersion })
    for (const task of Object.values(state.tasks)) {
      const decision = note.label === 'good' ? 'approve' : 'reject'
      for (let r = 0; ; r++) if ((await decideTask(engine, task.id, { decision, reason: 'bench', by: `officer-${r}` })).status === 'decided') break
    }
  }
  return learning
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = []
  let value!: T
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    value = await fn()
    times.push(performance.now() - start)
  }
  return { ms: Math.round(times.sort((a, b) => a - b)[1]), value }
}

/**
 * @example
 * const { draftMs } = await benchReplay()
 */
export async function benchReplay(runs = 10_000): Promise<ReplayBench> {
  const learning = await recordRuns(runs)
  const service = learning.service
  const draft = structuredClone(flow)
  draft.nodes.find((n) => n.id === 'route')!.config = { rules: [{ when: 'input.amount >= 20000.0', port: 'four-eyes' }, { when: 'nodes.score.value >= params.autoApproveScore', port: 'auto-approve' }] }
  ;(draft.nodes.find((n) => n.id === 'review')!.config as { approvals: number }).approvals = 2
  const published = await timed(() => service.replay(flow.id, { version: 1, limit: runs }))
  const tried = await timed(() => service.replay(flow.id, { flow: draft, limit: runs }))
  const whatIf = await timed(() => service.whatIf(flow.id, { parameters: { autoApproveScore: 0.7 } }))
  const result = { runs, publishedMs: published.ms, draftMs: tried.ms, whatIfMs: whatIf.ms, same: published.value.totals.same, moved: tried.value.movedTotal }
  if (published.value.cases !== runs || result.same !== runs) throw new Error(`the published version should reproduce all ${runs} runs: ${JSON.stringify(published.value.totals)}`)
  console.log(`replay: ${runs.toLocaleString('en')} runs — published version ${result.publishedMs} ms (all the same), draft ${result.draftMs} ms (${result.moved} moved); what-if ${result.whatIfMs} ms`)
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReplay()
