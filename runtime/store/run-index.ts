/**
 * In-memory indexes over every stored run, shared by both stores and rebuilt
 * from the run logs at open: run summaries (by id, flow and status, newest
 * first), idempotency keys, task → run, the inbox, customer tokens, pending
 * timers by fire time and the outbox order. It is fed a RunState after each
 * durable append and keeps summaries and task/request copies, never whole logs.
 */
import type { ClaimQuery, DueTimer, OutboxMessage, OutboxQuery, PendingDelivery, RunQuery, RunSummary, TaskQuery } from '../engine/store.js'
import type { RequestState, RunState, TaskState } from '../engine/state.js'
import { SortedList } from './sorted-list.js'
import { TaskIndex } from './task-index.js'

interface RunEntry {
  summary: RunSummary
  lastSeq: number
  idempotency?: string
  timerKeys: string[]
  deliveryKeys: string[]
}

/** A pointer into a run's outbox, ordered by creation time, with what the outbox filters on. */
export interface OutboxRef {
  runId: string
  messageId: string
  flowId: string
  purpose: OutboxMessage['purpose']
  to: string
  createdAt: string
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

export class RunIndex {
  private runs = new Map<string, RunEntry>()
  private all = new SortedList<RunEntry>()
  private byFlow = new Map<string, SortedList<RunEntry>>()
  private byStatus = new Map<string, SortedList<RunEntry>>()
  private idempotency = new Map<string, string>()
  private requests = new Map<string, RequestState>()
  private timers = new SortedList<DueTimer>()
  private outbox = new SortedList<OutboxRef>()
  private deliveries = new SortedList<PendingDelivery>()
  private tasks = new TaskIndex()
  /** Timer and delivery keys claimed, and until when (one process: a Map is the whole truth). */
  private leases = new Map<string, string>()

  get size(): number {
    return this.runs.size
  }

  /** Last durable seq of a run, undefined when the run is unknown. */
  lastSeq(runId: string): number | undefined {
    return this.runs.get(runId)?.lastSeq
  }

  summary(runId: string): RunSummary | undefined {
    const entry = this.runs.get(runId)
    return entry && { ...entry.summary }
  }

  /**
   * Index a run's state after an append. Pass `adopt: true` only when the
   * caller hands the state over and never touches it again (loading at open);
   * otherwise tasks and requests are copied, since the state lives on.
   */
  put(state: RunState, messages: readonly OutboxMessage[] = [], options: { adopt?: boolean } = {}): void {
    const copy = <T>(value: T): T => (options.adopt ? value : structuredClone(value))
    const old = this.runs.get(state.id)
    const summary = summarize(state)
    const relist = !old || old.summary.status !== summary.status || old.summary.flowId !== summary.flowId
    if (old && relist) this.unlistRun(old)
    const entry: RunEntry = old ?? { summary, lastSeq: 0, timerKeys: [], deliveryKeys: [] }
    entry.summary = summary
    entry.lastSeq = state.lastSeq
    if (relist) this.listRun(entry)
    if (!old) this.runs.set(state.id, entry)

    if (state.idempotencyKey !== undefined && entry.idempotency === undefined) {
      entry.idempotency = `${state.flowId}\u0000${state.idempotencyKey}`
      this.idempotency.set(entry.idempotency, state.id)
    }
    for (const task of Object.values(state.tasks)) this.tasks.put(copy(task))
    for (const request of Object.values(state.requests)) this.requests.set(request.tokenHash, copy(request))
    this.putTimers(entry, state)
    this.putDeliveries(entry, state)
    for (const m of messages) {
      const ref: OutboxRef = { runId: m.runId, messageId: m.id, flowId: state.flowId, purpose: m.purpose, to: m.to, createdAt: m.createdAt }
      this.outbox.insert(`${m.createdAt}\u0000${m.runId}\u0000${m.id}`, ref)
    }
  }

  listRuns(q: RunQuery): RunSummary[] {
    const limit = Math.max(0, q.limit ?? 100)
    const candidates = [this.all]
    if (q.flowId !== undefined) candidates.push(this.byFlow.get(q.flowId) ?? new SortedList())
    if (q.status !== undefined) candidates.push(this.byStatus.get(q.status) ?? new SortedList())
    const smallest = candidates.reduce((a, b) => (b.size < a.size ? b : a))
    const out: RunSummary[] = []
    if (limit === 0) return out
    for (const { value } of smallest.descending(q.before)) {
      const s = value.summary
      if ((q.flowId !== undefined && s.flowId !== q.flowId) || (q.status !== undefined && s.status !== q.status)) continue
      out.push({ ...s })
      if (out.length >= limit) break
    }
    return out
  }

  runIdForIdempotencyKey(flowId: string, key: string): string | undefined {
    return this.idempotency.get(`${flowId}\u0000${key}`)
  }

  runIdForTask(taskId: string): string | undefined {
    return this.tasks.runIdOf(taskId)
  }

  /** Tasks as the index holds them: copy before handing them out. */
  queryTasks(q: TaskQuery): { items: TaskState[]; total: number } {
    return this.tasks.query(q)
  }

  /** The request as the index holds it: copy before handing it out. */
  requestByTokenHash(tokenHash: string): RequestState | undefined {
    return this.requests.get(tokenHash)
  }

  /** Pending timers of live runs with `fireAt <= now` and no running lease, soonest first; leases them. */
  claimDueTimers(q: ClaimQuery): DueTimer[] {
    const out: DueTimer[] = []
    for (const { key, value } of this.timers.ascending()) {
      if (out.length >= q.limit || value.fireAt > q.now) break
      if (!this.lease(key, q)) continue
      out.push({ ...value })
    }
    return out
  }

  /** The soonest time a pending timer may be claimed: its fire time, or its lease's end if later. */
  nextTimerAt(): string | undefined {
    let next: string | undefined
    for (const { key, value } of this.timers.ascending()) {
      if (next !== undefined && value.fireAt >= next) break
      const free = later(value.fireAt, this.leases.get(key))
      if (next === undefined || free < next) next = free
    }
    return next
  }
  /** The newest `limit` outbox entries matching the query, oldest first. */
  recentOutbox(limit: number, q: Omit<OutboxQuery, 'limit'> = {}): OutboxRef[] {
    const out: OutboxRef[] = []
    if (limit <= 0) return out
    for (const { value } of this.outbox.descending(q.before)) {
      if (q.before !== undefined && value.createdAt >= q.before) continue
      if (q.runId !== undefined && value.runId !== q.runId) continue
      if (q.flowId !== undefined && value.flowId !== q.flowId) continue
      if (q.purpose !== undefined && value.purpose !== q.purpose) continue
      if (q.to !== undefined && value.to !== q.to) continue
      out.push(value)
      if (out.length >= limit) break
    }
    return out.reverse()
  }

  /** Deliveries some channel still owes, oldest first. */
  pendingDeliveries(limit: number): PendingDelivery[] {
    const out: PendingDelivery[] = []
    for (const { value } of this.deliveries.ascending()) {
      if (out.length >= limit) break
      out.push({ ...value })
    }
    return out
  }

  /** Deliveries on `channels` past their retry time and not leased, oldest first; leases them. */
  claimDeliveries(q: ClaimQuery & { channels: readonly string[] }): PendingDelivery[] {
    const out: PendingDelivery[] = []
    const channels = new Set(q.channels)
    for (const { key, value } of this.deliveries.ascending()) {
      if (out.length >= q.limit) break
      if (!channels.has(value.channel) || (value.retryAt !== undefined && value.retryAt > q.now)) continue
      if (this.lease(key, q)) out.push({ ...value })
    }
    return out
  }

  /** The soonest time a delivery on `channels` may be claimed. */
  nextDeliveryAt(channels: readonly string[]): string | undefined {
    const wanted = new Set(channels)
    let next: string | undefined
    for (const { key, value } of this.deliveries.ascending()) {
      if (!wanted.has(value.channel)) continue
      const free = later(value.retryAt ?? '', this.leases.get(key))
      if (next === undefined || free < next) next = free
    }
    return next
  }

  /** Take the lease on `key` unless someone holds it past `now`. */
  private lease(key: string, q: ClaimQuery): boolean {
    if (q.leaseMs <= 0) return true
    const until = this.leases.get(key)
    if (until !== undefined && until > q.now) return false
    this.leases.set(key, new Date(Date.parse(q.now) + q.leaseMs).toISOString())
    return true
  }

  /** Timers fire only while the run is live; a finished run's leftovers are not due. */
  private putTimers(entry: RunEntry, state: RunState): void {
    for (const key of entry.timerKeys) {
      this.timers.delete(key)
      this.leases.delete(key)
    }
    entry.timerKeys = []
    if (TERMINAL.has(state.status)) return
    for (const timer of Object.values(state.timers)) {
      if (timer.status !== 'pending') continue
      const key = `${timer.fireAt}\u0000${state.id}\u0000${timer.id}`
      this.timers.insert(key, { runId: state.id, timerId: timer.id, fireAt: timer.fireAt })
      entry.timerKeys.push(key)
    }
  }

  private putDeliveries(entry: RunEntry, state: RunState): void {
    const attempts = new Map<string, number>()
    for (const key of entry.deliveryKeys) {
      const old = this.deliveries.get(key)
      if (old) attempts.set(key, old.attempts)
      this.deliveries.delete(key)
    }
    const next: string[] = []
    for (const [messageId, d] of Object.entries(state.deliveries ?? {})) {
      for (const channel of d.pending) {
        // Message ids sort by creation time, so the work list is oldest first.
        const key = `${messageId}\u0000${channel}\u0000${state.id}`
        const retryAt = d.retryAt?.[channel]
        const tried = d.attempts[channel] ?? 0
        this.deliveries.insert(key, { runId: state.id, messageId, channel, attempts: tried, ...(retryAt ? { retryAt } : {}) })
        // A recorded attempt ends the claim that made it; the retry schedule decides the next one.
        if (attempts.get(key) !== tried) this.leases.delete(key)
        attempts.delete(key)
        next.push(key)
      }
    }
    // Settled deliveries: their claims end with them.
    for (const key of attempts.keys()) this.leases.delete(key)
    entry.deliveryKeys = next
  }

  private listRun(entry: RunEntry): void {
    const { id, flowId, status } = entry.summary
    this.all.insert(id, entry)
    listFor(this.byFlow, flowId).insert(id, entry)
    listFor(this.byStatus, status).insert(id, entry)
  }

  private unlistRun(entry: RunEntry): void {
    const { id, flowId, status } = entry.summary
    this.byFlow.get(flowId)?.delete(id)
    this.byStatus.get(status)?.delete(id)
  }
}

function later(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a
}

function listFor(map: Map<string, SortedList<RunEntry>>, key: string): SortedList<RunEntry> {
  let list = map.get(key)
  if (!list) map.set(key, (list = new SortedList()))
  return list
}

function summarize(state: RunState): RunSummary {
  const summary: RunSummary = {
    id: state.id,
    flowId: state.flowId,
    flowVersion: state.flowVersion,
    status: state.status,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    test: state.test,
  }
  if (state.outcome !== undefined) summary.outcome = state.outcome
  return summary
}
