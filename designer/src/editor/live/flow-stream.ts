/**
 * One EventSource on `/api/stream?flowId=…`, resumed from an event id. The
 * browser reconnects by itself after a dropped connection (sending
 * Last-Event-ID, so the server replays what was missed); when it gives up
 * (an HTTP error), this reconnects with `?lastEventId=` after a pause.
 * Messages already seen are skipped, so a replay never applies twice.
 */
import type { StreamMessage, StreamSummary } from '../../api/types'

export type StreamStatus = 'connecting' | 'open' | 'reconnecting'

export interface FlowStreamHandlers {
  onRun(message: StreamMessage): void
  /** The connection was too slow and skipped events: here is what changed. */
  onSummary(summary: StreamSummary): void
  /** The server cannot replay from our id (restarted, or too far behind): fetch the snapshot again. */
  onResync(): void
  onNodeTypes(): void
  onStatus(status: StreamStatus): void
}

export interface FlowStream {
  /** Continue from a fresh snapshot's event id. */
  restartFrom(eventId: number): void
  close(): void
}

const RETRY_MS = [1000, 2000, 5000, 10_000]

export function openFlowStream(flowId: string, fromEventId: number | undefined, handlers: FlowStreamHandlers): FlowStream {
  let source: EventSource | null = null
  let last = fromEventId
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const connect = () => {
    const params = new URLSearchParams({ flowId })
    if (last !== undefined) params.set('lastEventId', String(last))
    const es = new EventSource(`/api/stream?${params}`)
    source = es
    handlers.onStatus(failures > 0 ? 'reconnecting' : 'connecting')
    const idOf = (e: MessageEvent) => (/^\d+$/.test(e.lastEventId) ? Number(e.lastEventId) : undefined)
    es.onopen = () => {
      failures = 0
      handlers.onStatus('open')
    }
    es.addEventListener('run', (e) => {
      const message = JSON.parse((e as MessageEvent).data) as StreamMessage
      if (last !== undefined && message.id <= last) return
      last = message.id
      handlers.onRun(message)
    })
    es.addEventListener('summary', (e) => {
      last = idOf(e as MessageEvent) ?? last
      handlers.onSummary(JSON.parse((e as MessageEvent).data) as StreamSummary)
    })
    es.addEventListener('resync', () => handlers.onResync())
    es.addEventListener('node-types', () => handlers.onNodeTypes())
    es.onerror = () => {
      if (closed || es !== source) return
      handlers.onStatus('reconnecting')
      if (es.readyState !== EventSource.CLOSED) return // the browser retries by itself
      es.close()
      timer = setTimeout(connect, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)])
    }
  }
  connect()

  return {
    restartFrom(eventId) {
      clearTimeout(timer)
      source?.close()
      last = eventId
      connect()
    },
    close() {
      closed = true
      clearTimeout(timer)
      source?.close()
    },
  }
}
