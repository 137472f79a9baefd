/**
 * The RunStore on PostgreSQL. A commit is one call of `inloop_commit`, which
 * checks the seq the caller read (optimistic: nothing is locked between
 * reading a run and appending to it) and keeps every projection current in
 * the same transaction. Reads go to the database; only run logs are cached,
 * and a cached log is topped up with the events after its last seq, so a
 * commit made by another process is never missed.
 */
import type { RunEvent } from '../../engine/events.js'
import { deriveState } from '../../engine/state.js'
import type { OutboxMessage, RunStore } from '../../engine/store.js'
import { StoreError } from '../errors.js'
import { checkAppendShape } from '../append-shape.js'
import { commitPayload } from './commit-rows.js'
import type { Sql } from './connect.js'
import { claimQueries } from './pg-claims.js'
import { runQueries } from './pg-run-queries.js'

const CACHE_LIMIT = 1000

export function createPgRunStore(sql: Sql): RunStore & { close(): Promise<void> } {
  const logs = new Map<string, RunEvent[]>()
  let closed = false

  const remember = (runId: string, events: RunEvent[]): void => {
    logs.delete(runId)
    logs.set(runId, events)
    if (logs.size > CACHE_LIMIT) logs.delete(logs.keys().next().value as string)
  }

  /** The run's whole log: the cached part plus whatever was committed after it. */
  async function load(runId: string): Promise<RunEvent[] | undefined> {
    const cached = logs.get(runId) ?? []
    const after = cached.at(-1)?.seq ?? 0
    const rows = await sql<{ event: RunEvent }[]>`select event from run_events where run_id = ${runId} and seq > ${after} order by seq`
    const events = rows.length === 0 ? cached : cached.concat(rows.map((r) => r.event))
    if (events.length === 0) return undefined
    remember(runId, events)
    return events
  }

  async function commit(runId: string, events: RunEvent[], state: Parameters<RunStore['appendRun']>[2], messages: OutboxMessage[]): Promise<void> {
    const payload = commitPayload(state, events, messages)
    let answer: string
    try {
      ;[{ answer }] = await sql<{ answer: string }[]>`select inloop_commit(${JSON.stringify(payload)}::text::json) as answer`
    } catch (error) {
      // Two new runs with one key raced past the function's check: the unique index decides.
      if ((error as { constraint_name?: string }).constraint_name === 'runs_idempotency' && state.idempotencyKey !== undefined) {
        const holder = await queries.runIdForIdempotencyKey(state.flowId, state.idempotencyKey)
        answer = `key:${holder ?? ''}`
      } else if ((error as { code?: string }).code === '23505') {
        answer = 'seq'
      } else throw error
    }
    if (answer === 'ok') {
      const cached = logs.get(runId)
      if (cached && events.length > 0 && (cached.at(-1)?.seq ?? 0) === events[0].seq - 1) remember(runId, cached.concat(events))
      else if (!cached && events[0]?.seq === 1) remember(runId, events.slice())
      return
    }
    if (answer === 'seq') {
      const first = events[0]?.seq ?? 0
      throw new StoreError('SEQ_CONFLICT', `append to run ${runId} starts at seq ${first} but the stored log has moved on; reload the run and retry`)
    }
    if (answer === 'missing') throw new StoreError('RUN_NOT_FOUND', `run ${runId} does not exist; its first append must start it`)
    const holder = answer.slice(4)
    throw Object.assign(
      new StoreError('IDEMPOTENCY_CONFLICT', `flow ${state.flowId} already has run ${holder} for the idempotency key ${JSON.stringify(state.idempotencyKey)}`),
      { runId: holder },
    )
  }

  const queries = runQueries(sql)
  return {
    ...queries,
    ...claimQueries(sql),
    async appendRun(runId, events, state, messages = []) {
      if (closed) throw new StoreError('STORE_CLOSED', 'the store is closed; open it again to append')
      checkAppendShape(runId, events, messages)
      await commit(runId, events, state, messages)
    },
    async getRun(runId) {
      const events = await load(runId)
      return events && deriveState(runId, structuredClone(events))
    },
    async getEvents(runId, afterSeq = 0) {
      const events = await load(runId)
      return events && structuredClone(events.filter((e) => e.seq > afterSeq))
    },
    async close() {
      closed = true
    },
  }
}

