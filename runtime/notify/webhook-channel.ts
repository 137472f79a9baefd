/**
 * A webhook: every message is POSTed as JSON to one URL, signed by the
 * Standard Webhooks scheme (https://www.standardwebhooks.com), which
 * verification libraries in many languages accept:
 *
 *   webhook-id: <message id>            (the same on a retry: use it to drop duplicates)
 *   webhook-timestamp: <unix seconds>
 *   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> [v1,<…> …]
 *
 * With several secrets (rotation) the body is signed with each, space
 * separated: a receiver that knows any one of them accepts it, so a new
 * secret can be rolled out before the old one is dropped.
 *
 * Deprecated, kept for one version: `X-Inloop-Timestamp`, `X-Inloop-Message-Id`
 * and `X-Inloop-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`
 * with the first secret.
 *
 * Any answer but 2xx, a timeout or a network error is retried by the dispatcher.
 */
import { createHmac } from 'node:crypto'
import type { Delivery, NotifyChannel } from './channel.js'

export interface WebhookConfig {
  url: string
  /**
   * Shared secrets, newest first: `whsec_<base64>` as Standard Webhooks
   * libraries create them, or any text of at least 16 characters (its UTF-8
   * bytes are the key). Several at once while one is being rotated.
   */
  secrets: string[]
  timeoutMs?: number
}

/** The HMAC key of a secret: `whsec_` + base64 is decoded, anything else is used as its UTF-8 bytes. */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8')
}

/** The `webhook-signature` header: one `v1,<base64>` per secret. */
export function standardSignature(secrets: readonly string[], id: string, timestamp: string, body: string): string {
  return secrets.map((s) => `v1,${createHmac('sha256', webhookKey(s)).update(`${id}.${timestamp}.${body}`).digest('base64')}`).join(' ')
}

/** @deprecated The old `X-Inloop-Signature` value; verify `webhook-signature` instead. */
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
          'webhook-id': message.id,
          'webhook-timestamp': timestamp,
          'webhook-signature': standardSignature(config.secrets, message.id, timestamp, body),
          'x-inloop-message-id': message.id,
          'x-inloop-timestamp': timestamp,
          'x-inloop-signature': webhookSignature(config.secrets[0], timestamp, body),
        },
        body,
      })
      await res.body?.cancel()
      if (res.status < 200 || res.status >= 300) throw new Error(`the webhook answered ${res.status}`)
      return { detail: `HTTP ${res.status}` }
    },
  }
}
