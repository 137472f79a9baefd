/** One outbox message: subject, purpose, recipient, time, the customer link, the text, and its delivery on each channel. */
import type { OutboxEntry } from '../api/inbox-types'
import { exactTime } from '../inbox/due'
import { timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'
import { toast } from '../ui/toast-store'
import { DeliveryList } from './DeliveryList'
import { PURPOSES } from './outbox-filters'

const recipient = (to: string) => (to.startsWith('role:') ? `group ${to.slice(5)}` : to)

export function MessageItem({ message: m, onRun }: { message: OutboxEntry; onRun(runId: string): void }) {
  const purpose = PURPOSES.find(([p]) => p === m.purpose)?.[1] ?? m.purpose
  const href = m.url ?? m.link
  const copy = async () => {
    await navigator.clipboard.writeText(m.url ?? new URL(m.link!, location.origin).href).then(
      () => toast('Link copied', 'success'),
      () => toast('Could not copy; select the link instead.', 'error'),
    )
  }
  return (
    <li className="msg" data-message-id={m.id}>
      <div className="msg-head">
        <h2 className="msg-subject">{m.subject}</h2>
        <time className="msg-time" dateTime={m.createdAt} title={exactTime(m.createdAt)}>
          {timeAgo(m.createdAt)}
        </time>
      </div>
      <p className="msg-meta">
        <span className={`chip purpose-${m.purpose}`}>{purpose}</span>
        <span>
          To <strong>{recipient(m.to)}</strong>
        </span>
        <span>
          Run{' '}
          <button className="link-button msg-run" onClick={() => onRun(m.runId)} title="Show only this run's messages">
            {m.runId}
          </button>
        </span>
      </p>
      <p className="msg-body">{m.body}</p>
      {href && (
        <p className="msg-link">
          <Icon name="globe" size={14} />
          <a href={href} target="_blank" rel="noreferrer noopener">
            Customer link
          </a>
          <button className="link-button" onClick={copy}>
            Copy
          </button>
        </p>
      )}
      <DeliveryList deliveries={m.deliveries} />
    </li>
  )
}
