/**
 * Notifier configuration: a JSON file named by `INLOOP_NOTIFY_CONFIG`, then
 * environment variables over it. Without any, only the outbox is on.
 *
 * | variable | meaning |
 * | --- | --- |
 * | `INLOOP_SMTP_URL` | `smtp://user:pass@host:587` or `smtps://user:pass@host:465` |
 * | `INLOOP_MAIL_FROM` | From header (default `Inloop <inloop@localhost>`) |
 * | `INLOOP_WEBHOOK_URL` | where every message is POSTed |
 * | `INLOOP_WEBHOOK_SECRET` | Standard Webhooks secret(s), newest first, space or comma separated (`whsec_…`, or text ≥ 16 characters) |
 *
 * The file: `{ "smtp": { "url", "from", "actionLabel", "layouts" }, "webhook": { "url", "secret" or "secrets", "timeoutMs" },
 * "retry": { "maxAttempts", "baseDelayMs", "maxDelayMs" }, "deliverTestRuns": false }`.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { DEFAULT_RETRY, type RetryPolicy } from './dispatcher.js'
import type { SmtpConfig } from './smtp-channel.js'
import type { WebhookConfig } from './webhook-channel.js'

const layout = z.object({ subject: z.string().max(500), text: z.string().max(20_000), html: z.string().max(100_000) }).partial()
/** A Standard Webhooks secret (`whsec_` + base64) or any text of at least 16 characters. */
const webhookSecret = z.string().min(16, 'the webhook secret needs at least 16 characters')


const schema = z.object({
  smtp: z
    .object({
      url: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL'),
      from: z.string().min(3).default('Inloop <inloop@localhost>'),
      actionLabel: z.string().max(100).optional(),
      layouts: z.object({ request: layout, reminder: layout, notice: layout }).partial().optional(),
    })
    .optional(),
  webhook: z
    .object({
      url: z.url({ protocol: /^https?$/ }),
      /** One secret, or several while rotating (newest first); a `secrets` list wins. */
      secret: webhookSecret.optional(),
      secrets: z.array(webhookSecret).min(1).max(10).optional(),
      timeoutMs: z.number().int().min(100).max(120_000).optional(),
    })
    .refine((w) => w.secret !== undefined || w.secrets !== undefined, { message: 'give the webhook a secret (or secrets while rotating)', path: ['secret'] })
    .optional(),
  retry: z.object({ maxAttempts: z.number().int().min(1).max(50), baseDelayMs: z.number().int().min(10), maxDelayMs: z.number().int().min(10) }).partial().optional(),
  /** Send messages of designers' test runs too (default: outbox only). */
  deliverTestRuns: z.boolean().default(false),
})

export interface NotifyConfig {
  smtp?: SmtpConfig
  webhook?: WebhookConfig
  retry: RetryPolicy
  deliverTestRuns: boolean
}

export function loadNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  let file: unknown = {}
  if (env.INLOOP_NOTIFY_CONFIG) {
    try {
      file = JSON.parse(readFileSync(env.INLOOP_NOTIFY_CONFIG, 'utf8'))
    } catch (error) {
      throw new Error(`INLOOP_NOTIFY_CONFIG: cannot read ${env.INLOOP_NOTIFY_CONFIG}: ${(error as Error).message}`)
    }
  }
  const merged = structuredClone(file) as Record<string, Record<string, unknown>>
  if (env.INLOOP_SMTP_URL) merged.smtp = { ...merged.smtp, url: env.INLOOP_SMTP_URL }
  if (env.INLOOP_MAIL_FROM && merged.smtp) merged.smtp.from = env.INLOOP_MAIL_FROM
  if (env.INLOOP_WEBHOOK_URL) merged.webhook = { ...merged.webhook, url: env.INLOOP_WEBHOOK_URL }
  // Several secrets while rotating: newest first, separated by spaces or commas.
  if (env.INLOOP_WEBHOOK_SECRET && merged.webhook) merged.webhook.secrets = env.INLOOP_WEBHOOK_SECRET.split(/[\s,]+/).filter(Boolean)
  return parseNotifyConfig(merged)
}

export function parseNotifyConfig(value: unknown): NotifyConfig {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new Error(`notifier configuration: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
  }
  const c = result.data
  return {
    ...(c.smtp ? { smtp: c.smtp } : {}),
    ...(c.webhook ? { webhook: { url: c.webhook.url, secrets: c.webhook.secrets ?? [c.webhook.secret!], timeoutMs: c.webhook.timeoutMs } } : {}),
    retry: { ...DEFAULT_RETRY, ...c.retry },
    deliverTestRuns: c.deliverTestRuns,
  }
}
