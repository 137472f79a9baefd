/**
 * Replay many cases and count: how each case compares with its record
 * (same / different / needs a person / cannot tell), endings before and
 * after, cases through each step and connection before and after, and the
 * cases that moved.
 */
import type { Flow } from '../../../node-types/flow/schema.js'
import type { MovedCase, ReplayResponse, Verdict } from '../../../node-types/api/replay.js'
import { targetsOf, type CompiledFlow } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'
import { replayCase, type CaseReplay, type Ending } from './replay-case.js'
import type { ReplayPlan } from './replay-plan.js'

export type ReplayCounts = Omit<ReplayResponse, 'flowId' | 'tried' | 'from' | 'to' | 'skipped' | 'ms'>

const MAX_MOVED = 200
const SEP = '\u0000'

/** The path the case took, from its record. */
function recordedPath(c: CaseRecord, recorded: CompiledFlow | undefined): { entered: string[]; edges: string[] } {
  const entered = Object.keys(c.visits)
  if (c.failedNode && !(c.failedNode in c.visits)) entered.push(c.failedNode)
  const reached = new Set(entered)
  const edges: string[] = []
  if (recorded) {
    for (const id in c.visits) {
      const port = c.visits[id].port
      for (const target of targetsOf(recorded, id, port)) if (reached.has(target)) edges.push(`${id}${SEP}${port}${SEP}${target}`)
    }
  }
  return { entered, edges }
}

const endingOf = (c: CaseRecord): Ending => (c.status === 'completed' ? { status: 'completed', outcome: c.outcome } : { status: 'failed' })
const label = (e: Ending) => (e.status === 'failed' ? 'failed' : (e.outcome ?? 'done'))

function verdictOf(before: Ending, replayed: CaseReplay): Verdict {
  if (replayed.kind === 'unasked') return 'needs-person'
  if (replayed.kind === 'unknown') return 'cannot-tell'
  return label(before) === label(replayed.ending) ? 'same' : 'different'
}

class Tally {
  private readonly before = new Map<string, number>()
  private readonly after = new Map<string, number>()
  add(side: 'before' | 'after', keys: Iterable<string>): void {
    const m = this[side]
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
  }
  rows(): { key: string; before: number; after: number }[] {
    const keys = new Set([...this.before.keys(), ...this.after.keys()])
    return [...keys].map((key) => ({ key, before: this.before.get(key) ?? 0, after: this.after.get(key) ?? 0 }))
  }
}

/** Each case counts once per step and connection it passed, however often it passed. */
const once = (keys: string[]) => new Set(keys)

/**
 * Replay `cases` (oldest first) and count.
 *
 * @example
 * const counts = await replayCases(plan, cases, draft)
 * counts.totals // { same: 9120, different: 640, needsPerson: 230, cannotTell: 10 }
 */
export async function replayCases(plan: ReplayPlan, cases: readonly CaseRecord[], tried: Flow): Promise<ReplayCounts> {
  const totals = { same: 0, different: 0, needsPerson: 0, cannotTell: 0 }
  const outcomes = new Tally()
  const nodes = new Tally()
  const edges = new Tally()
  const needs = new Map<string, { nodeId: string; who: 'reviewer' | 'customer'; role?: string; cases: number }>()
  const unknown = new Map<string, { reason: string; nodeId?: string; cases: number }>()
  const moved: MovedCase[] = []
  let movedTotal = 0
  for (let i = cases.length - 1; i >= 0; i--) {
    const c = cases[i]
    const before = endingOf(c)
    const replayed = await replayCase(plan, c)
    const verdict = verdictOf(before, replayed)
    const path = recordedPath(c, plan.recorded(c))
    nodes.add('before', once(path.entered))
    edges.add('before', once(path.edges))
    nodes.add('after', once(replayed.entered))
    edges.add('after', once(replayed.edges))
    outcomes.add('before', [label(before)])
    const entry: MovedCase = { runId: c.runId, startedAt: c.startedAt, verdict, before }
    if (replayed.kind === 'ended') {
      outcomes.add('after', [label(replayed.ending)])
      entry.after = replayed.ending
    } else if (replayed.kind === 'unasked') {
      const { who, role, why } = replayed.unasked
      const key = `${replayed.nodeId}${SEP}${who}${SEP}${role ?? ''}`
      const group = needs.get(key) ?? needs.set(key, { nodeId: replayed.nodeId, who, ...(role ? { role } : {}), cases: 0 }).get(key)!
      group.cases++
      Object.assign(entry, { nodeId: replayed.nodeId, who, ...(role ? { role } : {}), reason: why })
    } else {
      const group = unknown.get(replayed.reason) ?? unknown.set(replayed.reason, { reason: replayed.reason, ...(replayed.nodeId ? { nodeId: replayed.nodeId } : {}), cases: 0 }).get(replayed.reason)!
      group.cases++
    }
    if (verdict === 'same') totals.same++
    else if (verdict === 'different') totals.different++
    else if (verdict === 'needs-person') totals.needsPerson++
    else totals.cannotTell++
    if (verdict === 'different' || verdict === 'needs-person') {
      movedTotal++
      if (moved.length < MAX_MOVED) moved.push(entry)
    }
  }
  const order = new Map(tried.nodes.map((n, i) => [n.id, i]))
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER
  return {
    cases: cases.length,
    totals,
    outcomes: outcomes.rows().map(({ key, ...n }) => ({ outcome: key, ...n })).sort((a, b) => b.before + b.after - (a.before + a.after)),
    paths: {
      nodes: nodes.rows().map(({ key, ...n }) => ({ nodeId: key, ...n })).sort((a, b) => rank(a.nodeId) - rank(b.nodeId)),
      edges: edges.rows().map(({ key, ...n }) => {
        const [source, sourcePort, target] = key.split(SEP)
        return { source, sourcePort, target, ...n }
      }),
    },
    needsPerson: [...needs.values()].sort((a, b) => b.cases - a.cases),
    cannotTell: [...unknown.values()].sort((a, b) => b.cases - a.cases),
    moved,
    movedTotal,
  }
}
