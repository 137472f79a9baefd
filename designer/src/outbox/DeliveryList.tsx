/** Where a message stands on each channel: delivered, still trying (and why), or given up — in words and with an icon. */
import type { Delivery } from '../api/inbox-types'
import { Icon } from '../ui/Icon'
import { exactTime } from '../inbox/due'

const CHANNELS: Record<string, string> = { smtp: 'E-mail', webhook: 'Webhook', outbox: 'Outbox' }

function describe(d: Delivery): string {
  const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`
  if (d.status === 'delivered') return `Delivered${d.at ? ` ${exactTime(d.at)}` : ''}`
  if (d.status === 'failed') return `Failed after ${tries}`
  return d.attempts > 0 ? `Retrying (${tries} so far)` : 'Waiting to be sent'
}

export function DeliveryList({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) {
    return (
      <ul className="deliveries" aria-label="Delivery">
        <li className="delivery delivery-outbox">
          <Icon name="check" size={14} /> Kept in the outbox (no other channel)
        </li>
      </ul>
    )
  }
  return (
    <ul className="deliveries" aria-label="Delivery">
      {deliveries.map((d) => (
        <li key={d.channel} className={`delivery delivery-${d.status}`} data-channel={d.channel}>
          <Icon name={d.status === 'delivered' ? 'check' : d.status === 'failed' ? 'alert' : 'clock'} size={14} />
          <span>
            <strong>{CHANNELS[d.channel] ?? d.channel}</strong>: {describe(d)}
            {d.error && <span className="delivery-error"> — {d.error}</span>}
            {d.status === 'delivered' && d.detail && <span className="muted"> — {d.detail}</span>}
          </span>
        </li>
      ))}
    </ul>
  )
}
