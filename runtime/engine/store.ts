/**
 * The storage port. The engine talks only to this interface; `runtime/store/`
 * has an in-memory implementation (tests) and a lowdb one (the default).
 *
 * Contract every implementation keeps:
 * - `appendRun` is atomic and durable: when its promise resolves, the events
 *   and the outbox messages of that call survive a crash (fsync), all or none.
 * - Appends to one run are serialised by the engine; `appendRun` still checks
 *   that `events[0].seq` follows the stored log and rejects a gap or overlap.
 * - `appendRun` takes ownership of the event and message objects it is given:
 *   the caller never changes them afterwards, so the store need not copy them.
 *   What the store hands out (states, events, tasks) is the caller's to change.
 * - Query methods read derived indexes; they are rebuilt from the logs.
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

/** An outbox message that some channel has yet to deliver. */
export interface PendingDelivery {
  runId: string
  messageId: string
  channels: string[]
  /** Failed attempts so far, per channel. */
  attempts: Record<string, number>
}

export interface DueTimer {
  runId: string
  timerId: string
  fireAt: string
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
  countRuns(): number
  runIdForIdempotencyKey(flowId: string, key: string): string | undefined
  runIdForTask(taskId: string): string | undefined
  queryTasks(query: TaskQuery): Promise<{ items: TaskState[]; total: number }>
  requestByTokenHash(tokenHash: string): Promise<RequestState | undefined>
  dueTimers(now: string, limit: number): DueTimer[]
  /** Soonest pending timer, so a scheduler knows when to wake. */
  nextTimerAt(): string | undefined
  /** The newest `limit` messages matching the query, oldest first. */
  listOutbox(query: OutboxQuery): Promise<OutboxMessage[]>
  /** Messages a channel still owes a delivery, oldest first (a dispatcher's work list, rebuilt at open). */
  pendingDeliveries(limit: number): PendingDelivery[]
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
