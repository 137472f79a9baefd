/**
 * Outbox messages as people and channels see them: with the customer link
 * put back (its token is derived from the run, the request and the server's
 * secret, never stored) and where each channel's delivery stands.
 */
import type { LinkSigner } from '../engine/deps.js'
import type { RunEvent } from '../engine/events.js'
import type { OutboxMessage, RunStore } from '../engine/store.js'

export interface DeliveryStatus {
  channel: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  at?: string
  detail?: string
  error?: string
}

export interface OutboxView extends OutboxMessage {
  /** The link as a full URL, when the server knows its public address. */
  url?: string
  deliveries: DeliveryStatus[]
}

/** Views of `messages`, reading each run's log once. */
export async function outboxViews(messages: OutboxMessage[], runs: RunStore, links: LinkSigner, publicUrl?: string): Promise<OutboxView[]> {
  const logs = new Map<string, RunEvent[]>()
  for (const m of messages) if (!logs.has(m.runId)) logs.set(m.runId, (await runs.getEvents(m.runId)) ?? [])
  const out: OutboxView[] = []
  for (const m of messages) {
    const events = logs.get(m.runId)!
    const link = m.link ?? (m.requestId ? await linkOf(events, m.runId, m.requestId, links) : undefined)
    out.push({ ...m, ...(link ? { link } : {}), ...(link && publicUrl ? { url: absolute(publicUrl, link) } : {}), deliveries: deliveriesOf(events, m.id) })
  }
  return out
}

/** The `/c/<token>` path of a customer request, derived again from its binding. */
export async function linkOf(events: readonly RunEvent[], runId: string, requestId: string, links: LinkSigner): Promise<string | undefined> {
  const requested = events.find((e) => e.type === 'customer.requested' && e.requestId === requestId)
  if (requested?.type !== 'customer.requested') return undefined
  return `/c/${await links.tokenFor({ runId, requestId, expiresAt: requested.request.expiresAt })}`
}

export function absolute(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`
}

export function deliveriesOf(events: readonly RunEvent[], messageId: string): DeliveryStatus[] {
  const byChannel = new Map<string, DeliveryStatus>()
  for (const e of events) {
    if (e.type === 'message.sent' && e.messageId === messageId) {
      for (const channel of e.deliverTo ?? []) byChannel.set(channel, { channel, status: 'pending', attempts: 0 })
    } else if ((e.type === 'message.delivered' || e.type === 'message.failed') && e.messageId === messageId) {
      const d = byChannel.get(e.channel) ?? { channel: e.channel, status: 'pending', attempts: 0 }
      if (e.type === 'message.delivered') Object.assign(d, { status: 'delivered', at: e.at, detail: e.detail, attempts: d.attempts + 1 })
      else Object.assign(d, { status: e.final ? 'failed' : 'pending', at: e.at, error: e.error, attempts: e.attempt })
      byChannel.set(e.channel, d)
    }
  }
  return [...byChannel.values()]
}
