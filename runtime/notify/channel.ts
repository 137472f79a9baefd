/**
 * The notifier's port. Every message the engine queues is in the outbox
 * from the commit that made it (the outbox channel: always on, nothing to
 * deliver). Other channels — SMTP, webhook — say which messages they take
 * when a message is queued (recorded in the log as `deliverTo`), and a
 * dispatcher hands those to `deliver` after the commit, with retries.
 */
import type { OutboxMessage } from '../engine/store.js'

/** What a channel gets: the message with its link put back, and some run data for templates. */
export interface Delivery {
  message: OutboxMessage
  /** The customer link as a full URL (or the `/c/<token>` path when no public URL is set). */
  link?: string
  run: { id: string; flowId: string; input: Record<string, unknown> }
}

export interface NotifyChannel {
  /** `smtp`, `webhook`, … — what the log's `deliverTo` names. */
  readonly name: string
  /** Whether this channel delivers `message` (asked once, when it is queued). */
  accepts(message: OutboxMessage): boolean
  /** Deliver, or throw to have it retried; resolves with what the far side said. */
  deliver(delivery: Delivery): Promise<{ detail?: string }>
  close?(): Promise<void>
}
