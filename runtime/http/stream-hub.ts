/**
 * Fan-out of committed run events to server-sent-event clients. Every event
 * gets a process-wide increasing id; a ring buffer lets a client that
 * reconnects with `Last-Event-ID` catch up. A client that cannot keep up is
 * told to resync and dropped, so memory never grows without bound.
 */
import type { Response } from 'express'
import type { RunEvent } from '../engine/events.js'
import type { RunState } from '../engine/state.js'

export interface StreamMessage {
  id: number
  runId: string
  flowId: string
  status: string
  event: RunEvent
}

interface Client {
  res: Response
  flowId?: string
  runId?: string
}

const MAX_BUFFERED_BYTES = 1 << 20

export class StreamHub {
  private readonly clients = new Set<Client>()
  private readonly ring: StreamMessage[] = []
  private nextId = 1

  constructor(private readonly ringSize = 10_000) {}

  publish(state: RunState, events: readonly RunEvent[]): void {
    for (const event of events) {
      const message: StreamMessage = { id: this.nextId++, runId: state.id, flowId: state.flowId, status: state.status, event }
      this.ring.push(message)
      if (this.ring.length > this.ringSize) this.ring.splice(0, this.ring.length - this.ringSize)
      for (const client of this.clients) this.send(client, message)
    }
  }

  /** Attach an SSE response; replays what it missed after `lastEventId`. */
  attach(res: Response, filter: { flowId?: string; runId?: string }, lastEventId?: number): () => void {
    const client: Client = { res, ...filter }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    res.write('retry: 2000\n\n')
    if (lastEventId !== undefined) {
      const oldest = this.ring[0]?.id ?? this.nextId
      if (lastEventId + 1 < oldest) res.write(`event: resync\ndata: {"reason":"too far behind"}\n\n`)
      for (const message of this.ring) if (message.id > lastEventId) this.send(client, message)
    }
    this.clients.add(client)
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000)
    heartbeat.unref()
    return () => {
      clearInterval(heartbeat)
      this.clients.delete(client)
    }
  }

  /**
   * Tell every client, whatever its filter, that something other than a run
   * changed (`node-types` after a dev reload). Not numbered and not buffered:
   * a client that missed it refetches on reconnect anyway.
   *
   * @example
   * hub.broadcast('node-types', { added: [], changed: ['crm-lookup'], removed: [], problems: 0 })
   * // → event: node-types\ndata: {"added":[],"changed":["crm-lookup"],"removed":[],"problems":0}
   */
  broadcast(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
    for (const client of this.clients) client.res.write(frame)
  }

  get clientCount(): number {
    return this.clients.size
  }

  private send(client: Client, message: StreamMessage): void {
    if (client.flowId && client.flowId !== message.flowId) return
    if (client.runId && client.runId !== message.runId) return
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      client.res.end('event: resync\ndata: {"reason":"slow client"}\n\n')
      this.clients.delete(client)
      return
    }
    client.res.write(`id: ${message.id}\nevent: run\ndata: ${JSON.stringify(message)}\n\n`)
  }
}
