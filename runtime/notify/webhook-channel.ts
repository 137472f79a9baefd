/**
 * A webhook: every message is POSTed as JSON to one URL, signed so the
 * receiver can tell it came from this server and is fresh:
 *
 *   X-Inloop-Timestamp: <unix seconds>
 *   X-Inloop-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the shared secret>
 *   X-Inloop-Message-Id: <message id>   (the same on a retry: use it to drop duplicates)
 *
 * Any answer but 2xx, a timeout or a network error is retried by the dispatcher.
 */
import { createHmac } from 'node:crypto'
import type { Delivery, NotifyChannel } from './channel.js'

export interface WebhookConfig {
  url: string
  /** Shared secret for the signature (at least 16 characters). */
  secret: string
  timeoutMs?: number
}

/** The signature header's value for a body sent at `timestamp` (for receivers and tests). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export function createWebhookChannel(config: WebhookConfig, now: () => Date = () => new Date()): NotifyChannel {
  return {
    name: 'webhook',
    accepts: () => true,
    async deliver({ message, link, run }: Delivery) {
      const body = JSON.stringify({
        type: 'inloop.message',
        message: { ...message, ...(link ? { link } : {}) },
        run: { id: run.id, flowId: run.flowId },
      })
      const timestamp = String(Math.floor(now().getTime() / 1000))
      const res = await fetch(config.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'inloop-webhook',
          'x-inloop-message-id': message.id,
          'x-inloop-timestamp': timestamp,
          'x-inloop-signature': webhookSignature(config.secret, timestamp, body),
        },
        body,
      })
      await res.body?.cancel()
      if (res.status < 200 || res.status >= 300) throw new Error(`the webhook answered ${res.status}`)
      return { detail: `HTTP ${res.status}` }
    },
  }
}
