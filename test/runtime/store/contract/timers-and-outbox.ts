/** The store contract: customer requests by token, timers and outbox deliveries with their leases. */
import { describe, expect, it } from 'vitest'
import type { AppStore } from '../../../../runtime/store/open-store.js'
import { runLog, simpleRun, started } from '../fixtures/run-log.js'

/** ISO times `ms` before the moment it was made (after it when negative): stores that judge by their own clock agree. */
function agoFrom(): (ms: number) => string {
  const base = Date.now()
  return (ms) => new Date(base - ms).toISOString()
}

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

export function timersAndOutboxContract(store: () => AppStore): void {
  const claimTimers = (limit: number, leaseMs = 60_000) => store().runs.claimDueTimers({ now: new Date().toISOString(), limit, leaseMs })

  describe('customer requests, timers and outbox', () => {
    it('finds an open customer request by the hash of its token', async () => {
      const log = runLog('r_1')
      started(log)
      log.add({ type: 'node.entered', nodeId: 'confirm', exec: 'c#1', input: {} })
      log.add({
        type: 'customer.requested',
        requestId: 'q1',
        nodeId: 'confirm',
        exec: 'c#1',
        tokenHash: 'hash-1',
        request: { to: 'a@b.c', subject: 'Confirm', message: 'Please', answers: ['confirm'], kind: 'confirm', expiresAt: '2025-04-01T00:00:00.000Z' },
      })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await store().runs.requestByTokenHash('hash-1')).toMatchObject({ id: 'q1', runId: 'r_1', status: 'open' })
      log.add({ type: 'customer.answered', requestId: 'q1', answer: 'confirm', data: {} })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect((await store().runs.requestByTokenHash('hash-1'))?.status).toBe('answered')
      expect(await store().runs.requestByTokenHash('hash-unknown')).toBeUndefined()
    })

    it('hands out due timers soonest first, each to one claimer until its lease ends, and forgets fired ones', async () => {
      const ago = agoFrom()
      const log = runLog('r_1')
      started(log)
      for (const [timerId, fireAt] of [['late', ago(-3_600_000)], ['soon', ago(20_000)], ['mid', ago(10_000)]]) {
        log.add({ type: 'timer.scheduled', timerId, nodeId: 'wait', exec: 'w#1', name: 'deadline', fireAt })
      }
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await store().runs.nextTimerAt()).toBe(ago(20_000))
      expect((await claimTimers(1)).map((t) => t.timerId)).toEqual(['soon'])
      expect(await claimTimers(10)).toEqual([{ runId: 'r_1', timerId: 'mid', fireAt: ago(10_000) }])
      expect(await claimTimers(10)).toEqual([])
      // Looking (lease 0) sees due timers whoever holds them, and takes none.
      expect((await claimTimers(10, 0)).map((t) => t.timerId)).toEqual(['soon', 'mid'])
      log.add({ type: 'timer.fired', timerId: 'soon' })
      log.add({ type: 'timer.cancelled', timerId: 'mid' })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await claimTimers(10, 0)).toEqual([])
      expect(await store().runs.nextTimerAt()).toBe(ago(-3_600_000))
    })

    it('hands a claimed timer out again once its lease has ended', async () => {
      const ago = agoFrom()
      const log = runLog('r_1')
      started(log)
      log.add({ type: 'timer.scheduled', timerId: 'x', nodeId: 'wait', exec: 'w#1', name: 'deadline', fireAt: ago(1_000) })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await claimTimers(10, 200)).toHaveLength(1)
      expect(await claimTimers(10, 200)).toEqual([])
      // While leased, the scheduler is told to look again when the lease ends.
      expect(Date.parse((await store().runs.nextTimerAt())!)).toBeGreaterThan(Date.now() - 50)
      await until(async () => (await claimTimers(10, 200)).length === 1)
    })

    it('does not report timers of a finished run as due', async () => {
      const ago = agoFrom()
      const log = runLog('r_1')
      started(log)
      log.add({ type: 'timer.scheduled', timerId: 'x', nodeId: 'wait', exec: 'w#1', name: 'deadline', fireAt: ago(60_000) })
      log.add({ type: 'run.cancelled', reason: 'test', by: 'ann' })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await claimTimers(10, 0)).toEqual([])
      expect(await store().runs.nextTimerAt()).toBeUndefined()
    })

    it('hands out deliveries a channel owes, oldest first, not before their retry time, each to one claimer', async () => {
      const ago = agoFrom()
      const log = simpleRun('r_1')
      log.add({ type: 'message.sent', messageId: 'm_1', channel: 'outbox', to: 'a@b.c', subject: 's', purpose: 'request', deliverTo: ['smtp', 'webhook'] })
      log.add({ type: 'message.sent', messageId: 'm_2', channel: 'outbox', to: 'a@b.c', subject: 's', purpose: 'reminder', deliverTo: ['webhook'] })
      await store().runs.appendRun('r_1', log.take(), log.state(), [log.message({ id: 'm_1' }), log.message({ id: 'm_2' })])
      const claim = (channels: string[]) => store().runs.claimDeliveries({ now: new Date().toISOString(), limit: 10, leaseMs: 60_000, channels })
      expect(await claim(['webhook'])).toEqual([
        { runId: 'r_1', messageId: 'm_1', channel: 'webhook', attempts: 0 },
        { runId: 'r_1', messageId: 'm_2', channel: 'webhook', attempts: 0 },
      ])
      expect(await claim(['webhook'])).toEqual([])
      expect((await store().runs.pendingDeliveries(10)).map((d) => `${d.messageId}/${d.channel}`)).toEqual(['m_1/smtp', 'm_1/webhook', 'm_2/webhook'])
      // A failure ends the claim; the retry time it names decides when the delivery is due again.
      const retryAt = ago(-3_600_000)
      log.add({ type: 'message.failed', messageId: 'm_1', channel: 'webhook', error: '500', attempt: 1, final: false, retryAt })
      log.add({ type: 'message.delivered', messageId: 'm_2', channel: 'webhook' })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await claim(['webhook'])).toEqual([])
      expect(await store().runs.nextDeliveryAt(['webhook'])).toBe(retryAt)
      expect(await store().runs.pendingDeliveries(10)).toContainEqual({ runId: 'r_1', messageId: 'm_1', channel: 'webhook', attempts: 1, retryAt })
      expect(await claim(['smtp'])).toEqual([{ runId: 'r_1', messageId: 'm_1', channel: 'smtp', attempts: 0 }])
      log.add({ type: 'message.delivered', messageId: 'm_1', channel: 'smtp' })
      log.add({ type: 'message.failed', messageId: 'm_1', channel: 'webhook', error: '500', attempt: 2, final: true })
      await store().runs.appendRun('r_1', log.take(), log.state())
      expect(await store().runs.pendingDeliveries(10)).toEqual([])
      expect(await store().runs.nextDeliveryAt(['smtp', 'webhook'])).toBeUndefined()
    })

    it('keeps outbox messages with their run and lists the newest across runs, oldest of them first', async () => {
      const a = simpleRun('r_a')
      await store().runs.appendRun('r_a', a.take(), a.state(), [a.message({ id: 'm1' })])
      const b = simpleRun('r_b')
      b.add({ type: 'message.sent', channel: 'outbox', to: 'x', subject: 'y', purpose: 'reminder' })
      await store().runs.appendRun('r_b', b.take(), b.state(), [b.message({ id: 'm2', createdAt: '2025-01-02T00:00:00.000Z' })])
      a.add({ type: 'message.sent', channel: 'outbox', to: 'x', subject: 'y', purpose: 'reminder' })
      await store().runs.appendRun('r_a', a.take(), a.state(), [a.message({ id: 'm3', createdAt: '2025-01-03T00:00:00.000Z' })])
      expect((await store().runs.listOutbox({ runId: 'r_a' })).map((m) => m.id)).toEqual(['m1', 'm3'])
      expect((await store().runs.listOutbox({})).map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
      expect((await store().runs.listOutbox({ limit: 2 })).map((m) => m.id)).toEqual(['m2', 'm3'])
    })
  })
}
