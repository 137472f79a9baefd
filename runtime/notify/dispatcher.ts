/**
 * Delivers outbox messages to their channels after the commit that queued
 * them. Its work list is the store's `pendingDeliveries` — derived from the
 * run logs, so it survives a restart. Each outcome is written to the run's
 * log (`message.delivered`, `message.failed` with the attempt number), the
 * last failure with `final: true` after `maxAttempts`.
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

export function startDispatcher(engine: Engine, channels: readonly NotifyChannel[], options: { log: Logger; publicUrl?: string; retry?: RetryPolicy }): Dispatcher {
  const { store, clock } = engine.deps
  const retry = options.retry ?? DEFAULT_RETRY
  const byName = new Map(channels.map((c) => [c.name, c]))
  /** When a channel may try a message again (in memory: after a restart, the next try is at once). */
  const notBefore = new Map<string, number>()
  const warnedMissing = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = false

  async function pass(): Promise<void> {
    const now = clock.now().getTime()
    const work = store.runs.pendingDeliveries(BATCH * 10)
    const due: { item: PendingDelivery; channel: NotifyChannel }[] = []
    for (const item of work) {
      for (const name of item.channels) {
        const channel = byName.get(name)
        if (!channel) {
          if (!warnedMissing.has(name)) options.log.warn(`messages wait for the channel '${name}', which is not configured; they are delivered once it is`)
          warnedMissing.add(name)
          continue
        }
        if ((notBefore.get(`${item.messageId}\u0000${name}`) ?? 0) <= now) due.push({ item, channel })
      }
      if (due.length >= BATCH) break
    }
    await Promise.all(due.map(({ item, channel }) => deliverOne(item, channel)))
    if (due.length >= BATCH) return pass()
  }

  async function deliverOne(item: PendingDelivery, channel: NotifyChannel): Promise<void> {
    const key = `${item.messageId}\u0000${channel.name}`
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
      // Recording failed (or the run cannot be read): try again later, the delivery may repeat.
      options.log.error('could not deliver or record a message', { messageId: item.messageId, channel: channel.name, error: String(error) })
      notBefore.set(key, clock.now().getTime() + retry.maxDelayMs)
    }
  }

  async function record(item: PendingDelivery, channel: string, outcome: { detail?: string } | Error): Promise<void> {
    const key = `${item.messageId}\u0000${channel}`
    await engine.withRun(item.runId, async ({ tx }) => {
      const pending = tx.state.deliveries[item.messageId]?.pending.includes(channel)
      if (!pending) {
        notBefore.delete(key)
        return
      }
      if (!(outcome instanceof Error)) {
        notBefore.delete(key)
        tx.emit({ type: 'message.delivered', messageId: item.messageId, channel, ...(outcome.detail ? { detail: outcome.detail.slice(0, 500) } : {}) })
        return
      }
      const attempt = (tx.state.deliveries[item.messageId].attempts[channel] ?? 0) + 1
      const final = attempt >= retry.maxAttempts
      tx.emit({ type: 'message.failed', messageId: item.messageId, channel, error: outcome.message.slice(0, 500), attempt, final })
      const pause = Math.min(retry.baseDelayMs * 2 ** (attempt - 1), retry.maxDelayMs)
      if (final) notBefore.delete(key)
      else notBefore.set(key, clock.now().getTime() + pause)
      options.log.warn(final ? 'gave up delivering a message' : 'delivering a message failed; will retry', { messageId: item.messageId, channel, attempt, error: outcome.message })
    })
  }

  function schedule(): void {
    if (stopped) return
    clearTimeout(timer)
    const waits = [...notBefore.values()]
    const next = waits.length > 0 ? Math.max(0, Math.min(...waits) - clock.now().getTime()) : 60_000
    timer = setTimeout(tick, Math.min(next, 60_000))
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
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          void tick()
        } else schedule()
      })
    return running
  }

  void tick()
  return {
    poke: () => void tick(),
    async drain() {
      do await tick()
      while (running)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
      for (const c of channels) await c.close?.()
    },
  }
}
