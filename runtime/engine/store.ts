/**
 * The storage port. The engine, the HTTP routes, the scheduler, the
 * dispatcher, auth and learning talk only to this interface; `runtime/store/`
 * implements it three times: memory (tests), lowdb (a data folder, one
 * process) and PostgreSQL (any number of processes on one database). One
 * contract suite (`test/runtime/store/store-contract.test.ts`) runs against
 * all three. Every method is async: a lookup may cross the network.
 *
 * Contract every implementation keeps:
 * - `appendRun` is atomic and durable: when its promise resolves, the events
 *   and the outbox messages of that call survive a crash, all or none.
 * - Optimistic per run: `appendRun` commits only if `events[0].seq` follows
 *   the stored log (the run is still at the seq the caller read); otherwise
 *   it rejects with `code: 'SEQ_CONFLICT'` and stores nothing, and the engine
 *   reloads the run and applies its step again. Nothing is locked between
 *   reading a run and appending to it.
 * - Starts are unique by (flow, idempotency key): the first append of a run
 *   whose `run.started` carries a key another run of the flow already has
 *   rejects with `code: 'IDEMPOTENCY_CONFLICT'` (and `runId`: the other run).
 * - `appendRun` takes ownership of the event and message objects it is given:
 *   the caller never changes them afterwards, so the store need not copy them.
 *   What the store hands out (states, events, tasks) is the caller's to change.
 * - Query methods read projections (inbox, run list, timers, deliveries)
 *   kept current with each append, in the same transaction where there is one.
 * - Timers and deliveries are handed out by claiming them with a lease: a
 *   claimed item is not handed out again, to anyone, until its lease ends
 *   (so a process that died loses its claims after `leaseMs`). A lease only
 *   saves work: firing a timer or recording a delivery is an append, and the
 *   seq check makes it happen once. PostgreSQL judges "due" and leases by the
 *   database's clock and ignores `now`; memory and lowdb use `now`.
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { RunEvent, RunStatus } from './events.js'
import type { RequestState, RunState, TaskState } from './state.js'

export interface OutboxMessage {
  id: string
  runId: string
  requestId?: string
  taskId?: string
  channel: string
  to: string
  subject: string
  body: string
  /**
   * Path of the customer link, `/c/<token>`. Not stored: the token is derived
   * again (from the run, the request and the server's secret) when the
   * message is read or delivered. Messages with a `requestId` carry one.
   */
  link?: string
  purpose: 'request' | 'reminder' | 'notice'
  createdAt: string
}

export interface RunSummary {
  id: string
  flowId: string
  flowVersion: number
  status: RunStatus
  createdAt: string
  updatedAt: string
  outcome?: string
  test: boolean
}

export interface RunQuery {
  flowId?: string
  status?: RunStatus
  limit?: number
  /** Return runs created before this run id (ids sort by creation time). */
  before?: string
}

export interface TaskQuery {
  status?: TaskState['status']
  /** Only tasks whose role is one of these. */
  roles?: string[]
  flowId?: string
  runId?: string
  /** Only tasks claimed by this person; `null`: only unclaimed tasks. */
  assignee?: string | null
  dueBefore?: string
  /** Only tasks due at or after this time (tasks without a due time are left out). */
  dueAfter?: string
  limit?: number
  offset?: number
  sort?: 'due' | 'created'
}

export interface OutboxQuery {
  runId?: string
  flowId?: string
  purpose?: OutboxMessage['purpose']
  /** Exact recipient, e.g. `ada@example.com` or `role:legal`. */
  to?: string
  /** Only messages created before this ISO time (paging back). */
  before?: string
  limit?: number
}

/** An outbox message that one channel has yet to deliver. */
export interface PendingDelivery {
  runId: string
  messageId: string
  channel: string
  /** Failed attempts so far on this channel. */
  attempts: number
  /** Not to be tried before this time (set by the last failure's retry schedule). */
  retryAt?: string
}

export interface DueTimer {
  runId: string
  timerId: string
  fireAt: string
}

/** What a scheduler or dispatcher claims: due items, each leased to the caller for `leaseMs`. */
export interface ClaimQuery {
  /** The caller's time (memory, lowdb); PostgreSQL uses its own clock. */
  now: string
  limit: number
  /** How long the items are the caller's. 0: only look — list due items, leased or not, and lease nothing (tests, one-off commands). */
  leaseMs: number
}

/** Why an append was refused; the engine matches `code`. */
export interface AppendConflict extends Error {
  code: 'SEQ_CONFLICT' | 'IDEMPOTENCY_CONFLICT'
  /** IDEMPOTENCY_CONFLICT: the run that already has the key. */
  runId?: string
}

export interface RunStore {
  /**
   * Append events (and outbox messages) to a run; the first append creates it.
   * `state` is the run's state after these events, as the engine folded it:
   * the store indexes it (copying what it keeps) instead of folding again.
   */
  appendRun(runId: string, events: RunEvent[], state: RunState, messages?: OutboxMessage[]): Promise<void>
  /** The run's state, derived from its log (implementations may cache it). */
  getRun(runId: string): Promise<RunState | undefined>
  getEvents(runId: string, afterSeq?: number): Promise<RunEvent[] | undefined>
  listRuns(query: RunQuery): Promise<RunSummary[]>
  countRuns(): Promise<number>
  runIdForIdempotencyKey(flowId: string, key: string): Promise<string | undefined>
  runIdForTask(taskId: string): Promise<string | undefined>
  queryTasks(query: TaskQuery): Promise<{ items: TaskState[]; total: number }>
  requestByTokenHash(tokenHash: string): Promise<RequestState | undefined>
  /** Pending timers of live runs that are due and not leased, soonest first; each is leased to the caller. */
  claimDueTimers(query: ClaimQuery): Promise<DueTimer[]>
  /** When a scheduler should look again: the soonest pending timer's time (or its lease's end, if later). */
  nextTimerAt(): Promise<string | undefined>
  /** The newest `limit` messages matching the query, oldest first. */
  listOutbox(query: OutboxQuery): Promise<OutboxMessage[]>
  /** Deliveries due (past their `retryAt`) and not leased, oldest message first; each is leased to the caller. */
  claimDeliveries(query: ClaimQuery & { channels: readonly string[] }): Promise<PendingDelivery[]>
  /** When a dispatcher should look again for deliveries on these channels. */
  nextDeliveryAt(channels: readonly string[]): Promise<string | undefined>
  /** Every delivery still owed, oldest first, without claiming (the outbox view, tests). */
  pendingDeliveries(limit: number): Promise<PendingDelivery[]>
}

export interface FlowSummary {
  id: string
  name: string
  description: string
  latestVersion: number
  updatedAt: string
  /** The draft differs from the latest published version (or nothing is published). */
  hasDraftChanges: boolean
}

export interface FlowVersionInfo {
  version: number
  publishedAt: string
  publishedBy: string
  note?: string
}

export interface FlowStore {
  listFlows(): Promise<FlowSummary[]>
  getDraft(flowId: string): Promise<{ flow: Flow; updatedAt: string; updatedBy: string } | undefined>
  saveDraft(flowId: string, flow: Flow, by: string): Promise<void>
  deleteFlow(flowId: string): Promise<boolean>
  /** Freeze the draft as the next version; returns its number. */
  publish(flowId: string, by: string, note?: string): Promise<number>
  listVersions(flowId: string): Promise<FlowVersionInfo[]>
  /** The newest published version, or undefined when none is (cheap: asked on every run start). */
  latestVersion(flowId: string): Promise<number | undefined>
  getVersion(flowId: string, version: number): Promise<Flow | undefined>
}

/**
 * Small owner-side documents kept per flow — parameter versions, retrained
 * datasets — each written atomically and durably on its own, and removed
 * with the flow. Keys are lowercase letters, digits, `.`, `_` and `-`.
 */
export interface FlowDataStore {
  get(flowId: string, key: string): Promise<unknown | undefined>
  put(flowId: string, key: string, value: unknown): Promise<void>
}

export interface Store {
  runs: RunStore
  flows: FlowStore
  flowData: FlowDataStore
  /** Flush and release the data folder. */
  close(): Promise<void>
}
