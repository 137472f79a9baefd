import { describe, expect, it } from 'vitest'
import { customerConfirmation } from '../../../node-types/builtin/customer-confirmation.js'
import { resumeNode, runNode } from '../../../node-types/testing/index.js'

const now = () => new Date('2026-03-02T08:00:00Z')

describe('customer-confirmation', () => {
  it('asks the customer with an expiring request, reminders before expiry and the options to pick from', async () => {
    const { result } = await runNode(customerConfirmation, {
      config: { kind: 'choose', options: 'input.dates', subject: 'Delivery', message: 'Hi {{ input.name }}', expiresIn: 'P3D', remindBefore: ['P1D', 'P5D'] },
      ctx: { input: { email: 'a@example.com', name: 'Ada', dates: ['2026-03-10', { value: '2026-03-11', label: 'Wed 11 March' }] }, now },
    })
    expect(result).toEqual({
      wait: {
        request: {
          to: 'a@example.com',
          subject: 'Delivery',
          message: 'Hi Ada',
          kind: 'choose',
          answers: ['choose'],
          options: [
            { value: '2026-03-10', label: '2026-03-10' },
            { value: '2026-03-11', label: 'Wed 11 March' },
          ],
          expiresAt: '2026-03-05T08:00:00.000Z',
          remindAt: ['2026-03-04T08:00:00.000Z'],
        },
        timers: [
          { name: 'expiry', at: '2026-03-05T08:00:00.000Z' },
          { name: 'remind-0', at: '2026-03-04T08:00:00.000Z' },
        ],
      },
    })
  })

  it('offers one port per answer plus expired', () => {
    expect(customerConfirmation.portsFor(customerConfirmation.config.parse({}))).toEqual(['confirm', 'reject', 'expired'])
    expect(customerConfirmation.portsFor(customerConfirmation.config.parse({ kind: 'rate' }))).toEqual(['rate', 'expired'])
  })

  it('leaves by expired at the expiry timer and reminds at a reminder timer', async () => {
    expect((await resumeNode(customerConfirmation, { kind: 'timer', name: 'expiry' })).result).toMatchObject({ port: 'expired' })
    expect((await resumeNode(customerConfirmation, { kind: 'timer', name: 'remind-0' })).result).toEqual({ stay: { remind: true } })
  })
})
