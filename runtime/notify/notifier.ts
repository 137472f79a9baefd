/**
 * The notifier as the server wires it: the configured channels, the rule
 * the engine asks when it queues a message (`channelsFor`), and the
 * dispatcher that delivers after each commit.
 *
 * @example
 * const notifier = createNotifier(loadNotifyConfig(), { log, groupEmails })
 * const engine = createEngine({ ...deps, channelsFor: notifier.channelsFor })
 * notifier.start(engine)
 */
import type { Logger } from '../../node-types/sdk/types.js'
import type { Engine } from '../engine/engine.js'
import type { RunEvent } from '../engine/events.js'
import type { OutboxMessage } from '../engine/store.js'
import type { NotifyChannel } from './channel.js'
import type { NotifyConfig } from './config.js'
import { startDispatcher, type Dispatcher } from './dispatcher.js'
import { createSmtpChannel } from './smtp-channel.js'
import { createWebhookChannel } from './webhook-channel.js'

export interface NotifierOptions {
  log: Logger
  /** E-mail addresses of a reviewer group's active members (for reminders to `role:<group>`). */
  groupEmails: (group: string) => Promise<string[]>
  publicUrl?: string
  /** Channels to use instead of those the config names (tests). */
  channels?: NotifyChannel[]
}

export type Notifier = ReturnType<typeof createNotifier>

export function createNotifier(config: NotifyConfig, options: NotifierOptions) {
  const channels: NotifyChannel[] = options.channels ?? [
    ...(config.smtp ? [createSmtpChannel(config.smtp, options.groupEmails)] : []),
    ...(config.webhook ? [createWebhookChannel(config.webhook)] : []),
  ]
  let dispatcher: Dispatcher | undefined

  return {
    /** Names of the channels beyond the outbox. */
    channels: channels.map((c) => c.name),

    channelsFor(message: OutboxMessage, run: { test: boolean }): string[] {
      if (run.test && !config.deliverTestRuns) return []
      return channels.filter((c) => c.accepts(message)).map((c) => c.name)
    },

    start(engine: Engine): void {
      if (channels.length > 0) dispatcher = startDispatcher(engine, channels, { log: options.log, publicUrl: options.publicUrl, retry: config.retry })
    },

    /** After a commit: wake the dispatcher if it queued something to deliver. */
    committed(events: readonly RunEvent[]): void {
      if (dispatcher && events.some((e) => e.type === 'message.sent' && e.deliverTo && e.deliverTo.length > 0)) dispatcher.poke()
    },

    /** Deliver what is due now (tests). */
    drain: (): Promise<void> => dispatcher?.drain() ?? Promise.resolve(),

    async stop(): Promise<void> {
      await dispatcher?.stop()
    },
  }
}
