/**
 * A transaction on one run: events emitted here are applied to the state at
 * once and written to the store together (with any outbox messages) in one
 * atomic, durable append.
 */
import type { NewEvent, RunEvent } from './events.js'
import { applyEvent, type RunState } from './state.js'
import type { OutboxMessage } from './store.js'

export class RunTx {
  readonly events: RunEvent[] = []
  readonly messages: OutboxMessage[] = []

  constructor(
    readonly state: RunState,
    private readonly now: () => Date,
  ) {}

  emit(event: NewEvent): RunEvent {
    const full = { ...event, seq: this.state.lastSeq + 1, at: this.now().toISOString() } as RunEvent
    applyEvent(this.state, full)
    this.events.push(full)
    return full
  }
}
