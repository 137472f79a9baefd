/**
 * Timers and deliveries on PostgreSQL, judged by the database's clock. A
 * claim leases rows with `FOR UPDATE SKIP LOCKED`, so claimers in several
 * processes never wait on each other and never take the same row; a
 * process that died loses its leases when they end.
 */
import type { DueTimer, PendingDelivery, RunStore } from '../../engine/store.js'
import type { Sql } from './connect.js'

type Claims = Pick<RunStore, 'claimDueTimers' | 'nextTimerAt' | 'claimDeliveries' | 'nextDeliveryAt' | 'pendingDeliveries'>

interface DeliveryRow {
  run_id: string
  message_id: string
  channel: string
  attempts: number
  retry_at: Date | null
}

export function claimQueries(sql: Sql): Claims {
  const timer = (r: { run_id: string; timer_id: string; fire_at: Date }): DueTimer => ({ runId: r.run_id, timerId: r.timer_id, fireAt: r.fire_at.toISOString() })
  return {
    async claimDueTimers(q) {
      const limit = Math.max(0, q.limit)
      const rows =
        q.leaseMs <= 0
          ? await sql<{ run_id: string; timer_id: string; fire_at: Date }[]>`
              select run_id, timer_id, fire_at from timers where fire_at <= now() order by fire_at, run_id, timer_id limit ${limit}`
          : await sql<{ run_id: string; timer_id: string; fire_at: Date }[]>`
              with due as (
                select run_id, timer_id from timers
                where fire_at <= now() and (lease_until is null or lease_until <= now())
                order by fire_at, run_id, timer_id limit ${limit}
                for update skip locked)
              update timers t set lease_until = now() + ${q.leaseMs}::float8 * interval '1 millisecond'
              from due where t.run_id = due.run_id and t.timer_id = due.timer_id
              returning t.run_id, t.timer_id, t.fire_at`
      return rows.map(timer).sort((a, b) => cmp(a.fireAt, b.fireAt) || cmp(a.runId, b.runId) || cmp(a.timerId, b.timerId))
    },
    async nextTimerAt() {
      // The soonest few by fire time; a leased one is free again when its lease ends.
      const [row] = await sql<{ at: Date | null }[]>`
        select min(greatest(fire_at, lease_until)) as at from (select fire_at, lease_until from timers order by fire_at limit 100) s`
      return row.at?.toISOString()
    },
    async claimDeliveries(q) {
      const limit = Math.max(0, q.limit)
      const channels = [...q.channels]
      const rows =
        q.leaseMs <= 0
          ? await sql<DeliveryRow[]>`
              select run_id, message_id, channel, attempts, retry_at from deliveries
              where channel = any(${channels}::text[]) and (retry_at is null or retry_at <= now())
              order by message_id, channel, run_id limit ${limit}`
          : await sql<DeliveryRow[]>`
              with due as (
                select message_id, channel, run_id from deliveries
                where channel = any(${channels}::text[]) and (retry_at is null or retry_at <= now())
                  and (lease_until is null or lease_until <= now())
                order by message_id, channel, run_id limit ${limit}
                for update skip locked)
              update deliveries d set lease_until = now() + ${q.leaseMs}::float8 * interval '1 millisecond'
              from due where d.message_id = due.message_id and d.channel = due.channel and d.run_id = due.run_id
              returning d.run_id, d.message_id, d.channel, d.attempts, d.retry_at`
      return rows.map(delivery).sort(byDeliveryKey)
    },
    async nextDeliveryAt(channels) {
      const [row] = await sql<{ at: Date | null }[]>`
        select min(greatest(retry_at, lease_until, now())) as at from deliveries where channel = any(${[...channels]}::text[])`
      return row.at?.toISOString()
    },
    async pendingDeliveries(limit) {
      const rows = await sql<DeliveryRow[]>`
        select run_id, message_id, channel, attempts, retry_at from deliveries order by message_id, channel, run_id limit ${Math.max(0, limit)}`
      return rows.map(delivery)
    },
  }
}

function delivery(r: DeliveryRow): PendingDelivery {
  const d: PendingDelivery = { runId: r.run_id, messageId: r.message_id, channel: r.channel, attempts: r.attempts }
  if (r.retry_at) d.retryAt = r.retry_at.toISOString()
  return d
}

function byDeliveryKey(a: PendingDelivery, b: PendingDelivery): number {
  return cmp(a.messageId, b.messageId) || cmp(a.channel, b.channel) || cmp(a.runId, b.runId)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
