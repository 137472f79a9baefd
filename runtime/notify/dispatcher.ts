/**
 * Delivers outbox messages to their channels after the commit that queued
 * them. It claims its work from the store (`claimDeliveries`: a lease, so
 * that of several processes one delivers each message, and one that died
 * loses its claims when they run out). Each outcome is written to the run's
 * log (`message.delivered`, `message.failed` with the attempt number and
 * when to retry), the last failure with `final: true` after `maxAttempts`;
 * the work list and the retry schedule are thus in the store and survive
 * restarts.
 *
 * At least once: a delivery that succeeded just before a crash, before its
 * `message.delivered` was committed, is delivered again after the restart.
 * Receivers drop duplicates by message id (webhook header, mail Message-ID).
 */
import type { Logger } from '../../node-types/sdk/types.js'
import type { Engine } from '../engine/engine.js'
import type { PendingDelivery } from '../engine/store.js'
import type { NotifyChannel } from './channel.js'
import { absolute, outboxViews } from './outbox-view.js'

export interface RetryPolicy {
  maxAttempts: number
  /** Pause before the 2nd attempt; it doubles each time up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 }

export interface Dispatcher {
  /** Look for work now (after a commit that queued messages). */
  poke(): void
  /** Deliver everything due now and resolve when done (tests, shutdown). */
  drain(): Promise<void>
  stop(): Promise<void>
}

const BATCH = 100
/** A claimed delivery is this process's for so long (a slow SMTP server included); then anyone may retry it. */
export const DELIVERY_LEASE_MS = 60_000
/** Look for deliveries at least this often: other processes queue messages too. */
const MAX_SLEEP_MS = 10_000

export function startDispatcher(engine: Engine, channels: readonly NotifyChannel[], options: { log: Logger; publicUrl?: string; retry?: RetryPolicy }): Dispatcher {
  const { store, clock } = engine.deps
  const retry = options.retry ?? DEFAULT_RETRY
  const byName = new Map(channels.map((c) => [c.name, c]))
  const names = [...byName.keys()]
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = false

  async function pass(): Promise<void> {
    const now = clock.now().toISOString()
    const claimed = await store.runs.claimDeliveries({ now, limit: BATCH, leaseMs: DELIVERY_LEASE_MS, channels: names })
    await Promise.all(claimed.map((item) => deliverOne(item, byName.get(item.channel)!)))
    if (claimed.length >= BATCH && !stopped) return pass()
  }

  async function deliverOne(item: PendingDelivery, channel: NotifyChannel): Promise<void> {
    try {
      const [message] = (await store.runs.listOutbox({ runId: item.runId, limit: 10_000 })).filter((m) => m.id === item.messageId)
      const run = await store.runs.getRun(item.runId)
      if (!message || !run) throw new Error(`message ${item.messageId} of run ${item.runId} is gone`)
      const [view] = await outboxViews([message], store.runs, engine.deps.links)
      const link = view.link && (options.publicUrl ? absolute(options.publicUrl, view.link) : view.link)
      let outcome: { detail?: string } | Error
      try {
        outcome = await channel.deliver({ message: view, link, run: { id: run.id, flowId: run.flowId, input: run.input } })
      } catch (error) {
        outcome = error instanceof Error ? error : new Error(String(error))
      }
      await record(item, channel.name, outcome)
    } catch (error) {
      // Recording failed (or the run cannot be read): the claim runs out and the delivery is tried again, perhaps twice.
      options.log.error('could not deliver or record a message', { messageId: item.messageId, channel: channel.name, error: String(error) })
    }
  }

  async function record(item: PendingDelivery, channel: string, outcome: { detail?: string } | Error): Promise<void> {
    await engine.withRun(item.runId, async ({ tx }) => {
      const delivery = tx.state.deliveries[item.messageId]
      if (!delivery?.pending.includes(channel)) return
      if (!(outcome instanceof Error)) {
        tx.emit({ type: 'message.delivered', messageId: item.messageId, channel, ...(outcome.detail ? { detail: outcome.detail.slice(0, 500) } : {}) })
        return
      }
      const attempt = (delivery.attempts[channel] ?? 0) + 1
      const final = attempt >= retry.maxAttempts
      const pause = Math.min(retry.baseDelayMs * 2 ** (attempt - 1), retry.maxDelayMs)
      // The next try's time goes into the log: a restart, or another process, keeps the schedule.
      const retryAt = final ? undefined : new Date(clock.now().getTime() + pause).toISOString()
      tx.emit({ type: 'message.failed', messageId: item.messageId, channel, error: outcome.message.slice(0, 500), attempt, final, ...(retryAt ? { retryAt } : {}) })
      options.log.warn(final ? 'gave up delivering a message' : 'delivering a message failed; will retry', { messageId: item.messageId, channel, attempt, error: outcome.message })
    })
  }

  async function schedule(): Promise<void> {
    let wait = MAX_SLEEP_MS
    try {
      const next = await store.runs.nextDeliveryAt(names)
      if (next !== undefined) wait = Date.parse(next) - clock.now().getTime()
    } catch (error) {
      options.log.error('the message dispatcher could not read its next delivery', { error: String(error) })
    }
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(tick, Math.min(Math.max(wait, 0), MAX_SLEEP_MS))
    timer.unref()
  }

  /** One pass at a time; a poke during a pass asks for one more right after. */
  function tick(): Promise<void> {
    if (stopped) return Promise.resolve()
    if (running) {
      again = true
      return running
    }
    running = pass()
      .catch((error) => options.log.error('the message dispatcher failed a pass', { error: String(error) }))
      .then(() => (again || stopped ? undefined : schedule()))
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          void tick()
        }
      })
    return running
  }

  void tick()
  return {
    poke: () => void tick(),
    async drain() {
      // Let a pass under way (and any it asked for) finish, then make one that sees everything committed so far.
      while (running) await running
      await tick()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
      for (const c of channels) await c.close?.()
    },
  }
}
