/**
 * The shape every store demands of an append, whatever it stores in: a safe
 * run id, something to store, consecutive seqs, and outbox messages of that run.
 */
import type { RunEvent } from '../engine/events.js'
import type { OutboxMessage } from '../engine/store.js'
import { StoreError, assertSafeId } from './errors.js'

export function checkAppendShape(runId: string, events: RunEvent[], messages: OutboxMessage[]): void {
  assertSafeId('run', runId)
  if (events.length === 0 && messages.length === 0) throw new StoreError('BAD_APPEND', `append to run ${runId} carries no events and no messages`)
  for (let i = 1; i < events.length; i++) {
    if (events[i].seq !== events[i - 1].seq + 1) {
      throw new StoreError('BAD_APPEND', `append to run ${runId}: event seq ${events[i].seq} does not follow ${events[i - 1].seq}`)
    }
  }
  const bad = messages.find((m) => m.runId !== runId)
  if (bad) throw new StoreError('BAD_APPEND', `outbox message ${bad.id} belongs to run ${bad.runId}, not to ${runId}`)
}
