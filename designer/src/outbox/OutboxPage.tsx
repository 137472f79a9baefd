/**
 * `/outbox`: every message Inloop has sent — customer requests, reminders,
 * notices — newest first, with the customer link and how each channel
 * delivered it. Filter by flow, run and purpose.
 */
import { useState } from 'react'
import { AppHeader } from '../app/AppHeader'
import { useFlowNames } from '../inbox/useFlowNames'
import { Icon } from '../ui/Icon'
import { MessageItem } from './MessageItem'
import { OutboxFilters } from './OutboxFilters'
import { outboxFiltersFromSearch, outboxFiltersToSearch, type OutboxFilters as Filters } from './outbox-filters'
import { useOutbox } from './useOutbox'
import '../styles/inbox.css'
import '../styles/outbox.css'

export function OutboxPage() {
  const [filters, setFilters] = useState<Filters>(() => outboxFiltersFromSearch(location.search))
  const outbox = useOutbox(filters)
  const flows = useFlowNames()
  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    history.replaceState(null, '', `/outbox${outboxFiltersToSearch(next)}`)
  }
  const messages = outbox.messages
  return (
    <div className="inbox-page">
      <AppHeader>
        <button className="button" onClick={() => void outbox.reload()} disabled={outbox.loading}>
          <Icon name="history" /> Refresh
        </button>
      </AppHeader>
      <main className="ib-main">
        <div className="ib-title">
          <h1>Outbox</h1>
          <p className="muted">Every message sent to customers and reviewers, with where each channel delivered it.</p>
        </div>
        <OutboxFilters filters={filters} flows={flows} onChange={change} />
        {outbox.error && (
          <div className="banner banner-error" role="alert">
            Could not load the outbox: {outbox.error}
          </div>
        )}
        {messages === null && !outbox.error && <div className="skeleton-list" aria-busy="true" aria-label="Loading messages" />}
        {messages?.length === 0 && (
          <div className="empty-state">
            <Icon name="mail" size={28} />
            <h2>No messages{filters.flowId || filters.runId || filters.purpose ? ' match these filters' : ' yet'}</h2>
            <p>A customer confirmation step or a reminder puts its message here.</p>
          </div>
        )}
        {messages && messages.length > 0 && (
          <ul className="msg-list" data-testid="outbox-list" aria-label="Messages">
            {messages.map((m) => (
              <MessageItem key={m.id} message={m} onRun={(runId) => change({ runId })} />
            ))}
          </ul>
        )}
        {outbox.hasMore && (
          <button className="button more-button" onClick={() => void outbox.more()} disabled={outbox.loading}>
            Show earlier messages
          </button>
        )}
      </main>
    </div>
  )
}
