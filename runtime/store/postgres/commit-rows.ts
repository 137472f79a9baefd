/**
 * What one commit hands `inloop_commit` (migrations/001_initial.sql): the
 * events, and the run's rows in every projection as its state now has them —
 * the runs row, tasks, customer requests, pending timers and owed
 * deliveries — so the database keeps them current in the same transaction.
 */
import type { RunEvent } from '../../engine/events.js'
import type { RunState } from '../../engine/state.js'
import type { OutboxMessage } from '../../engine/store.js'

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

export interface CommitPayload {
  run: Record<string, unknown>
  expected: number
  events: { seq: number; event: RunEvent }[]
  tasks: Record<string, unknown>[]
  requests: Record<string, unknown>[]
  timers: { timer_id: string; fire_at: string }[]
  deliveries: Record<string, unknown>[]
  outbox: { message: OutboxMessage }[]
}

export function commitPayload(state: RunState, events: RunEvent[], messages: OutboxMessage[]): CommitPayload {
  const live = !TERMINAL.has(state.status)
  return {
    run: {
      run_id: state.id,
      flow_id: state.flowId,
      flow_version: state.flowVersion,
      status: state.status,
      test: state.test,
      outcome: state.outcome ?? null,
      created_at: state.createdAt,
      updated_at: state.updatedAt,
      last_seq: state.lastSeq,
      idempotency_key: state.idempotencyKey ?? null,
      search: searchText(state),
    },
    expected: events.length === 0 ? -1 : events[0].seq - 1,
    events: events.map((event) => ({ seq: event.seq, event })),
    tasks: Object.values(state.tasks).map((t) => ({
      task_id: t.id,
      role: t.role,
      status: t.status,
      assignee: t.assignee ?? null,
      due_at: t.dueAt ?? null,
      created_at: t.createdAt,
      task: t,
    })),
    requests: Object.values(state.requests).map((r) => ({ token_hash: r.tokenHash, request: r })),
    // Timers fire only while the run is live; a finished run's leftovers are not due.
    timers: live ? Object.values(state.timers).flatMap((t) => (t.status === 'pending' ? [{ timer_id: t.id, fire_at: t.fireAt }] : [])) : [],
    deliveries: Object.entries(state.deliveries ?? {}).flatMap(([messageId, d]) =>
      d.pending.map((channel) => ({ message_id: messageId, channel, attempts: d.attempts[channel] ?? 0, retry_at: d.retryAt?.[channel] ?? null })),
    ),
    outbox: messages.map((message) => ({ message })),
  }
}

/** The run id and every input value, lowercased: what a run search matches. */
export function searchText(state: RunState): string {
  const parts = [state.id.toLowerCase()]
  const walk = (value: unknown): void => {
    if (value === null || value === undefined) return
    if (typeof value === 'object') for (const v of Object.values(value)) walk(v)
    else parts.push(String(value).toLowerCase())
  }
  walk(state.input)
  return parts.join('\n')
}
