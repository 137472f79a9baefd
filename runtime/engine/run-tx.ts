/**
 * A transaction on one run: events emitted here are applied to the state at
 * once and written to the store together (with any outbox messages) in one
 * atomic, durable append.
 */
import type { Clock } from './deps.js'
import type { NewEvent, RunEvent } from './events.js'
import { applyEvent, type RunState } from './state.js'
import type { OutboxMessage } from './store.js'

export class RunTx {
  readonly events: RunEvent[] = []
  readonly messages: OutboxMessage[] = []
  private lastMs = Number.NaN
  private lastIso = ''

  constructor(
    readonly state: RunState,
    private readonly clock: Clock,
  ) {}

  emit(event: NewEvent): RunEvent {
    const full = event as RunEvent
    full.seq = this.state.lastSeq + 1
    full.at = this.timestamp()
    applyEvent(this.state, full)
    this.events.push(full)
    return full
  }

  /** Events of one step share a millisecond; format it once. */
  private timestamp(): string {
    const ms = this.clock.nowMs ? this.clock.nowMs() : this.clock.now().getTime()
    if (ms !== this.lastMs) {
      this.lastMs = ms
      this.lastIso = new Date(ms).toISOString()
    }
    return this.lastIso
  }
}
