/**
 * The run half of the Store port, shared by the memory and lowdb stores. It
 * checks appends, batches them through a group commit, hands whole run
 * documents to a persistence (a Map, or fsynced files), and only after they
 * are durable indexes the state the engine computed with those events.
 * Reads come from the index or from a small cache of recently used runs.
 */
import type { OutboxMessage, RunQuery, RunStore, RunSummary, TaskQuery } from '../engine/store.js'
import type { RunEvent } from '../engine/events.js'
import { deriveState, type RequestState, type RunState, type TaskState } from '../engine/state.js'
import { StoreError } from './errors.js'
import { checkAppendShape } from './append-shape.js'
import { GroupCommit, type Waiter } from './group-commit.js'
import { RunIndex } from './run-index.js'
import { RunCache, type CachedRun } from './run-cache.js'

/** What is stored per run: its log and the outbox messages it produced. */
export interface RunDoc {
  runId: string
  events: RunEvent[]
  outbox: OutboxMessage[]
}

export interface RunPersistence {
  read(runId: string): Promise<RunDoc | undefined>
  /** Store whole documents; resolves only once every one is durable. */
  write(docs: RunDoc[]): Promise<void>
}

export interface RunStoreCore extends RunStore {
  /** Wait for pending appends, then refuse new ones. */
  close(): Promise<void>
}

interface Plan {
  runId: string
  doc: RunDoc
  accepted: Waiter<Append>[]
}

interface Append {
  runId: string
  events: RunEvent[]
  messages: OutboxMessage[]
  /** The run's state after these events, as the engine folded it. */
  state?: RunState
}

export function createRunStore(persistence: RunPersistence, index: RunIndex, options: { cacheLimit: number }): RunStoreCore {
  const cache = new RunCache(options.cacheLimit)
  /** Last seq including accepted appends that are not durable yet. */
  const pendingSeq = new Map<string, number>()
  /** Idempotency keys (`flow\0key`) of accepted new runs that are not durable yet, and their run. */
  const pendingKeys = new Map<string, string>()
  const committer = new GroupCommit<Append>((batch) => flush(batch))
  let closed = false

  async function load(runId: string): Promise<CachedRun | undefined> {
    const hit = cache.get(runId)
    if (hit) return hit
    const durableSeq = index.lastSeq(runId)
    if (durableSeq === undefined) return undefined
    const doc = await persistence.read(runId)
    if (!doc) return undefined
    const run = { doc }
    // A flush may have landed while we read; never cache an older copy.
    if (index.lastSeq(runId) === lastSeqOf(doc)) cache.set(runId, run)
    return run
  }

  async function flush(batch: Waiter<Append>[]): Promise<void> {
    const byRun = new Map<string, Waiter<Append>[]>()
    for (const w of batch) {
      const waiters = byRun.get(w.item.runId)
      if (waiters) waiters.push(w)
      else byRun.set(w.item.runId, [w])
    }
    // Runs already cached (or new) plan without waiting; only cold runs are read first.
    const planned = [...byRun].map(([runId, waiters]) => plan(runId, waiters))
    const plans = planned.some((p) => p instanceof Promise) ? await Promise.all(planned) : (planned as Plan[])
    const writes = plans.filter((p) => p.accepted.length > 0)
    try {
      await persistence.write(writes.map((p) => p.doc))
    } catch (err) {
      for (const p of writes) {
        pendingSeq.delete(p.runId)
        for (const w of p.accepted) forgetKey(w.item.state)
        for (const w of p.accepted) w.reject(err)
      }
      return
    }
    for (const p of writes) {
      const lastSeq = lastSeqOf(p.doc)
      const given = p.accepted[p.accepted.length - 1].item.state
      // The engine already folded these events; fold again only if it did not say.
      const state = given && given.lastSeq === lastSeq ? given : deriveState(p.runId, p.doc.events)
      cache.set(p.runId, { doc: p.doc })
      index.put(state, p.accepted.flatMap((w) => w.item.messages))
      for (const w of p.accepted) forgetKey(w.item.state)
      if (pendingSeq.get(p.runId) === lastSeq) pendingSeq.delete(p.runId)
      for (const w of p.accepted) w.resolve()
    }
  }

  /** The new document of one run, and which appends it takes (a failed earlier batch can void later ones). */
  function plan(runId: string, waiters: Waiter<Append>[]): Plan | Promise<Plan> {
    const hit = cache.get(runId)
    if (hit || index.lastSeq(runId) === undefined) return planOn(runId, hit, waiters)
    return load(runId).then(
      (current) => planOn(runId, current, waiters),
      (err) => {
        // An unreadable run fails its own appends, not the rest of the batch.
        for (const w of waiters) forgetKey(w.item.state)
        for (const w of waiters) w.reject(err)
        pendingSeq.delete(runId)
        return { runId, doc: { runId, events: [], outbox: [] }, accepted: [] }
      },
    )
  }

  function planOn(runId: string, current: CachedRun | undefined, waiters: Waiter<Append>[]): Plan {
    let seq = current ? lastSeqOf(current.doc) : 0
    const accepted: Waiter<Append>[] = []
    for (const w of waiters) {
      const first = w.item.events[0]?.seq ?? seq + 1
      if (first !== seq + 1) {
        forgetKey(w.item.state)
        w.reject(seqConflict(runId, first, seq))
        continue
      }
      accepted.push(w)
      seq = w.item.events.at(-1)?.seq ?? seq
    }
    if (accepted.length === 0 && pendingSeq.get(runId) !== undefined) pendingSeq.delete(runId)
    const base = current?.doc
    const doc: RunDoc =
      !base && accepted.length === 1
        ? { runId, events: accepted[0].item.events, outbox: accepted[0].item.messages }
        : {
            runId,
            events: (base?.events ?? []).concat(...accepted.map((w) => w.item.events)),
            outbox: (base?.outbox ?? []).concat(...accepted.map((w) => w.item.messages)),
          }
    return { runId, doc, accepted }
  }

  function checkAppend(runId: string, events: RunEvent[], messages: OutboxMessage[]): void {
    if (closed) throw new StoreError('STORE_CLOSED', 'the store is closed; open it again to append')
    checkAppendShape(runId, events, messages)
    const stored = pendingSeq.get(runId) ?? index.lastSeq(runId) ?? 0
    const first = events[0]?.seq ?? stored + 1
    if (first !== stored + 1) throw seqConflict(runId, first, stored)
    if (stored === 0 && events.length === 0) throw new StoreError('RUN_NOT_FOUND', `run ${runId} does not exist; its first append must start it`)
  }

  /** A new run's idempotency key must be free; it is held from here until durable (or refused). */
  function claimKey(runId: string, state: RunState | undefined, first: number): void {
    if (first !== 1 || state?.idempotencyKey === undefined) return
    const key = keyOf(state)!
    const holder = pendingKeys.get(key) ?? index.runIdForIdempotencyKey(state.flowId, state.idempotencyKey)
    if (holder !== undefined && holder !== runId) throw idempotencyConflict(state.flowId, state.idempotencyKey, holder)
    pendingKeys.set(key, runId)
  }

  function forgetKey(state: RunState | undefined): void {
    const key = state && keyOf(state)
    if (key !== undefined && pendingKeys.get(key) === state!.id) pendingKeys.delete(key)
  }

  return {
    async appendRun(runId, events, state, messages = []) {
      checkAppend(runId, events, messages)
      claimKey(runId, state, events[0]?.seq ?? 0)
      const last = events.at(-1)
      if (last) pendingSeq.set(runId, last.seq)
      // The caller hands the events and messages over (see the port's contract): no copy on the hot path.
      await committer.submit({ runId, events, messages, state })
    },
    async getRun(runId) {
      // An append to this run is accepted but not yet durable: read after it, so a retry after SEQ_CONFLICT sees it.
      if (pendingSeq.has(runId)) await committer.idle()
      const run = await load(runId)
      // A fresh state over copied events: the caller may change it freely.
      return run && deriveState(runId, structuredClone(run.doc.events))
    },
    async getEvents(runId, afterSeq = 0) {
      const run = await load(runId)
      return run && structuredClone(run.doc.events.filter((e) => e.seq > afterSeq))
    },
    async listRuns(query: RunQuery): Promise<RunSummary[]> {
      return index.listRuns(query)
    },
    countRuns: async () => index.size,
    runIdForIdempotencyKey: async (flowId, key) => index.runIdForIdempotencyKey(flowId, key),
    runIdForTask: async (taskId) => index.runIdForTask(taskId),
    async queryTasks(query: TaskQuery): Promise<{ items: TaskState[]; total: number }> {
      const { items, total } = index.queryTasks(query)
      return { items: structuredClone(items), total }
    },
    async requestByTokenHash(tokenHash): Promise<RequestState | undefined> {
      const request = index.requestByTokenHash(tokenHash)
      return request && structuredClone(request)
    },
    claimDueTimers: async (query) => index.claimDueTimers(query),
    nextTimerAt: async () => index.nextTimerAt(),
    claimDeliveries: async (query) => index.claimDeliveries(query),
    nextDeliveryAt: async (channels) => index.nextDeliveryAt(channels),
    pendingDeliveries: async (limit) => index.pendingDeliveries(limit),
    async listOutbox(query) {
      const limit = query.limit ?? 100
      if (query.runId !== undefined) {
        const run = await load(query.runId)
        const { purpose, to, before } = query
        const kept = (run?.doc.outbox ?? []).filter(
          (m) => (purpose === undefined || m.purpose === purpose) && (to === undefined || m.to === to) && (before === undefined || m.createdAt < before),
        )
        return structuredClone(kept.slice(Math.max(0, kept.length - limit)))
      }
      const refs = index.recentOutbox(limit, query)
      const docs = new Map<string, RunDoc | undefined>()
      for (const ref of refs) if (!docs.has(ref.runId)) docs.set(ref.runId, (await load(ref.runId))?.doc)
      const out: OutboxMessage[] = []
      for (const ref of refs) {
        const doc = docs.get(ref.runId)
        const message = doc?.outbox.find((m) => m.id === ref.messageId)
        if (message) out.push(structuredClone(message))
      }
      return out
    },
    async close() {
      closed = true
      await committer.idle()
    },
  }
}

function lastSeqOf(doc: RunDoc): number {
  return doc.events.at(-1)?.seq ?? 0
}

function keyOf(state: RunState): string | undefined {
  return state.idempotencyKey === undefined ? undefined : `${state.flowId}\u0000${state.idempotencyKey}`
}

function idempotencyConflict(flowId: string, key: string, runId: string): StoreError {
  return Object.assign(new StoreError('IDEMPOTENCY_CONFLICT', `flow ${flowId} already has run ${runId} for the idempotency key ${JSON.stringify(key)}`), { runId })
}

function seqConflict(runId: string, first: number, stored: number): StoreError {
  return new StoreError(
    'SEQ_CONFLICT',
    `append to run ${runId} starts at seq ${first} but the stored log ends at ${stored}; reload the run and retry`,
  )
}
