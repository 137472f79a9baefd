/**
 * The live picture of one flow: per step, how many runs are there now
 * (running, waiting on a person, a customer or a timer, failed there) and
 * how many finished it today, with the age of the oldest wait; per port, how
 * many runs left by it. Test runs are left out.
 *
 * It is fed each committed batch of a run's events together with the run's
 * state after them. Where a run *is* comes from that state (absolute, so a
 * batch seen twice changes nothing); what it *did* (ports taken, steps
 * finished) comes from the events, each counted once by its sequence number.
 */
import type { RunEvent, RunStatus } from '../engine/events.js'
import type { RunState } from '../engine/state.js'

export interface NodeLive {
  running: number
  waiting: number
  failed: number
  doneToday: number
  /** When the oldest run waiting here started to wait (ISO). */
  oldestWaitingSince?: string
}

export interface PortLive {
  source: string
  port: string
  /** Runs that left `source` by `port` (each run once). */
  runs: number
}

export interface LivePatch {
  nodes: Record<string, NodeLive>
  ports: PortLive[]
  runs: RunCounts
}

export interface RunCounts {
  running: number
  waiting: number
  failed: number
  completedToday: number
}

export interface LiveSnapshot extends LivePatch {
  flowId: string
  /** UTC day the `doneToday` and `completedToday` counts are for. */
  day: string
}

/** Where a run is, from its state: active steps, waits (with since), the step it failed at. */
interface Presence {
  running: string[]
  waiting: { key: string; nodeId: string; since: string }[]
  failedAt?: string
}

interface RunEntry {
  seq: number
  status: RunStatus
  presence: Presence
  /** Ports this run has left by; dropped when the run is over. */
  ports?: Set<string>
}

interface NodeCounts {
  running: number
  failed: number
  waiting: Map<string, string>
  doneDay: string
  done: number
}

const NOWHERE: Presence = { running: [], waiting: [] }
const OVER = new Set<RunStatus>(['completed', 'cancelled'])
const portKey = (source: string, port: string) => `${source}\u0000${port}`
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function presenceOf(state: RunState): Presence {
  if (state.status === 'completed' || state.status === 'cancelled') return NOWHERE
  const waiting = Object.values(state.waits).map((w) => ({ key: `${state.id}/${w.exec}`, nodeId: w.nodeId, since: w.since }))
  const running = Object.entries(state.active)
    .filter(([exec]) => !state.waits[exec])
    .map(([, a]) => a.nodeId)
  return { running, waiting, failedAt: state.status === 'failed' ? state.error?.nodeId : undefined }
}

export class FlowLive {
  private readonly runs = new Map<string, RunEntry>()
  private readonly nodes = new Map<string, NodeCounts>()
  private readonly ports = new Map<string, number>()
  private readonly status = { running: 0, waiting: 0, failed: 0 }
  private completed = { day: '', count: 0 }

  constructor(
    readonly flowId: string,
    private readonly today: () => string,
  ) {}

  /** Take in a committed batch; returns what changed, or undefined when nothing did. */
  apply(state: RunState, events: readonly RunEvent[]): LivePatch | undefined {
    if (state.test) return undefined
    const known = this.runs.get(state.id)
    // A state older than what was already taken in (a held commit after a scan) changes nothing.
    if (known && state.lastSeq <= known.seq) return undefined
    const fresh = events.filter((e) => e.seq > (known?.seq ?? 0))
    if (!known && !fresh.some((e) => e.type === 'run.started')) return undefined
    const touchedNodes = new Set<string>()
    const touchedPorts = new Set<string>()
    const entry: RunEntry = known ?? { seq: 0, status: 'running', presence: NOWHERE, ports: new Set() }
    if (!known) this.countStatus(undefined, 'running')
    for (const e of fresh) {
      if (e.type === 'node.completed') {
        this.finish(e.nodeId, e.at, touchedNodes)
        const key = portKey(e.nodeId, e.port)
        entry.ports ??= new Set()
        if (!entry.ports.has(key)) {
          entry.ports.add(key)
          this.ports.set(key, (this.ports.get(key) ?? 0) + 1)
          touchedPorts.add(key)
        }
      } else if (e.type === 'run.completed' && utcDay(Date.parse(e.at)) === this.today()) {
        this.bumpCompleted(e.at)
      }
    }
    entry.seq = Math.max(entry.seq, state.lastSeq)
    const presence = presenceOf(state)
    this.move(entry.presence, presence, touchedNodes)
    entry.presence = presence
    this.countStatus(entry.status, state.status)
    entry.status = state.status
    if (OVER.has(state.status)) entry.ports = undefined
    this.runs.set(state.id, entry)
    return this.patch(touchedNodes, touchedPorts)
  }

  snapshot(): LiveSnapshot {
    return { flowId: this.flowId, day: this.today(), ...this.patch(new Set(this.nodes.keys()), new Set(this.ports.keys())) }
  }

  /** Runs this view has seen, with the last sequence number taken in (for catching up after a scan). */
  lastSeq(runId: string): number | undefined {
    return this.runs.get(runId)?.seq
  }

  private patch(nodeIds: Set<string>, portKeys: Set<string>): LivePatch {
    const nodes: Record<string, NodeLive> = {}
    for (const id of nodeIds) nodes[id] = this.nodeLive(id)
    const ports = [...portKeys].map((key) => {
      const [source, port] = key.split('\u0000')
      return { source, port, runs: this.ports.get(key) ?? 0 }
    })
    const today = this.today()
    return { nodes, ports, runs: { ...this.status, completedToday: this.completed.day === today ? this.completed.count : 0 } }
  }

  private nodeLive(id: string): NodeLive {
    const n = this.nodes.get(id)
    if (!n) return { running: 0, waiting: 0, failed: 0, doneToday: 0 }
    let oldest: string | undefined
    for (const since of n.waiting.values()) if (oldest === undefined || since < oldest) oldest = since
    const live: NodeLive = { running: n.running, waiting: n.waiting.size, failed: n.failed, doneToday: n.doneDay === this.today() ? n.done : 0 }
    if (oldest) live.oldestWaitingSince = oldest
    return live
  }

  private node(id: string): NodeCounts {
    let n = this.nodes.get(id)
    if (!n) this.nodes.set(id, (n = { running: 0, failed: 0, waiting: new Map(), doneDay: '', done: 0 }))
    return n
  }

  private finish(nodeId: string, at: string, touched: Set<string>): void {
    const day = utcDay(Date.parse(at))
    const n = this.node(nodeId)
    if (day > n.doneDay) Object.assign(n, { doneDay: day, done: 0 })
    if (day === n.doneDay) n.done++
    touched.add(nodeId)
  }

  private bumpCompleted(at: string): void {
    const day = utcDay(Date.parse(at))
    if (day > this.completed.day) this.completed = { day, count: 0 }
    if (day === this.completed.day) this.completed.count++
  }

  private move(before: Presence, after: Presence, touched: Set<string>): void {
    for (const id of before.running) (this.node(id).running--, touched.add(id))
    for (const id of after.running) (this.node(id).running++, touched.add(id))
    for (const w of before.waiting) (this.node(w.nodeId).waiting.delete(w.key), touched.add(w.nodeId))
    for (const w of after.waiting) (this.node(w.nodeId).waiting.set(w.key, w.since), touched.add(w.nodeId))
    if (before.failedAt) (this.node(before.failedAt).failed--, touched.add(before.failedAt))
    if (after.failedAt) (this.node(after.failedAt).failed++, touched.add(after.failedAt))
  }

  private countStatus(from: RunStatus | undefined, to: RunStatus): void {
    const counted = (s: RunStatus | undefined): s is 'running' | 'waiting' | 'failed' => s === 'running' || s === 'waiting' || s === 'failed'
    if (from === to) return
    if (counted(from)) this.status[from]--
    if (counted(to)) this.status[to]++
  }
}
