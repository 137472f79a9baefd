/**
 * Fan-out of committed run events to server-sent-event clients.
 *
 * - Ids: every event gets an id, increasing for the life of the process and
 *   starting from the boot time (ms × 1000), so ids of an earlier process are
 *   recognisably older. A client that reconnects with `Last-Event-ID` gets
 *   what it missed from a ring buffer (bounded by count and bytes). An id the
 *   ring no longer covers — too old, or from before a restart — gets a
 *   `resync` event instead: the client fetches its snapshot again.
 * - Live view: when a flow's picture is kept (`LiveTracker`), the last
 *   message of each commit carries the absolute counts it changed (`live`),
 *   so applying messages in order, replayed or not, ends at the truth.
 * - Backpressure: a client whose socket buffer passes a limit is not written
 *   to any more; the hub only notes which runs changed. When the socket
 *   drains it gets one `summary` event (the flow's counts now, the runs that
 *   changed) and the stream resumes. Memory per client stays bounded; a
 *   client that never drains is closed after a while.
 */
import type { Response } from 'express'
import type { RunEvent } from '../engine/events.js'
import type { RunState } from '../engine/state.js'
import type { Store } from '../engine/store.js'
import type { LivePatch } from '../live/flow-live.js'
import { LiveTracker } from '../live/live-tracker.js'

export interface StreamMessage {
  id: number
  runId: string
  flowId: string
  status: string
  test: boolean
  event: RunEvent
  /** The flow's live counts this commit changed (last message of a commit only). */
  live?: LivePatch
}

interface Framed {
  id: number
  flowId: string
  runId: string
  frame: string
}

interface Client {
  res: Response
  flowId?: string
  runId?: string
  /** Set while the client is not written to: since which id, and which runs changed meanwhile (null: too many to list). */
  lag?: { from: number; since: number; runs: Set<string> | null }
}

export interface StreamHubOptions {
  /** Keeps per-flow live pictures (`GET /api/flows/:id/live`); without it, messages carry no counts. */
  store?: Store
  /** The engine's clock, for what "today" is. */
  clock?: { now(): Date; nowMs?(): number }
  ringSize?: number
  ringBytes?: number
  /** Socket buffer past which a client is switched to a summary. */
  maxClientBuffer?: number
  heartbeatMs?: number
}

const MAX_LAG_RUNS = 200
const MAX_LAG_MS = 120_000

export class StreamHub {
  readonly live: LiveTracker | undefined
  private readonly clients = new Set<Client>()
  private readonly ring: Framed[] = []
  private ringBytes = 0
  private readonly firstId = Date.now() * 1000
  private nextId = this.firstId + 1
  private readonly opts: Required<Omit<StreamHubOptions, 'store' | 'clock'>>

  constructor(options: StreamHubOptions = {}) {
    const clock = options.clock
    this.live = options.store ? new LiveTracker(options.store, clock ? () => clock.nowMs?.() ?? clock.now().getTime() : Date.now) : undefined
    this.opts = { ringSize: 10_000, ringBytes: 8 << 20, maxClientBuffer: 256 << 10, heartbeatMs: 15_000, ...options }
  }

  /** Id of the last event sent (what a snapshot taken now is consistent with). */
  get lastEventId(): number {
    return this.nextId - 1
  }

  publish(state: RunState, events: readonly RunEvent[]): void {
    const live = this.live?.observe(state, events)
    events.forEach((event, i) => {
      const message: StreamMessage = { id: this.nextId++, runId: state.id, flowId: state.flowId, status: state.status, test: state.test, event }
      if (live && i === events.length - 1) message.live = live
      const framed: Framed = { id: message.id, flowId: message.flowId, runId: message.runId, frame: `id: ${message.id}\nevent: run\ndata: ${JSON.stringify(message)}\n\n` }
      this.remember(framed)
      for (const client of this.clients) this.send(client, framed)
    })
  }

  /** Attach an SSE response; replays what it missed after `lastEventId`, or tells it to resync. */
  attach(res: Response, filter: { flowId?: string; runId?: string }, lastEventId?: number): () => void {
    const client: Client = { res, ...filter }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    res.write('retry: 2000\n\n')
    // Without an id to resume from, start the client's at now: a reconnect then asks for what it missed.
    if (lastEventId === undefined) res.write(`id: ${this.lastEventId}\n\n`)
    else this.replay(client, lastEventId)
    this.clients.add(client)
    const heartbeat = setInterval(() => this.beat(client), this.opts.heartbeatMs)
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
    for (const client of this.clients) if (!client.lag) client.res.write(frame)
  }

  /** End every stream (clients reconnect with Last-Event-ID); for shutdown and tests. */
  closeAll(): void {
    for (const client of this.clients) client.res.end()
    this.clients.clear()
  }

  get clientCount(): number {
    return this.clients.size
  }

  /** How much the hub holds: clients, how many are lagging, bytes queued on their sockets, the ring. */
  stats(): { clients: number; lagging: number; bufferedBytes: number; ringMessages: number; ringBytes: number } {
    let lagging = 0
    let bufferedBytes = 0
    for (const c of this.clients) {
      if (c.lag) lagging++
      bufferedBytes += c.res.writableLength
    }
    return { clients: this.clients.size, lagging, bufferedBytes, ringMessages: this.ring.length, ringBytes: this.ringBytes }
  }

  private remember(framed: Framed): void {
    this.ring.push(framed)
    this.ringBytes += framed.frame.length
    let drop = 0
    while (this.ring.length - drop > this.opts.ringSize || (this.ringBytes > this.opts.ringBytes && this.ring.length - drop > 1)) {
      this.ringBytes -= this.ring[drop].frame.length
      drop++
    }
    if (drop > 0) this.ring.splice(0, drop)
  }

  private replay(client: Client, lastEventId: number): void {
    // 0 asks for everything since this process started.
    const after = lastEventId === 0 ? this.firstId : lastEventId
    const oldest = this.ring[0]?.id ?? this.nextId
    if (after < oldest - 1 || after > this.lastEventId) {
      const reason = after > this.lastEventId || after < this.firstId ? 'unknown event id (the server restarted?)' : 'too far behind'
      client.res.write(`id: ${this.lastEventId}\nevent: resync\ndata: ${JSON.stringify({ reason })}\n\n`)
      return
    }
    for (const framed of this.ring) if (framed.id > after) this.send(client, framed)
  }

  private send(client: Client, framed: Framed): void {
    if (client.flowId && client.flowId !== framed.flowId) return
    if (client.runId && client.runId !== framed.runId) return
    if (!client.lag && client.res.writableLength > this.opts.maxClientBuffer) {
      client.lag = { from: framed.id, since: Date.now(), runs: new Set() }
      client.res.once('drain', () => this.resume(client))
    }
    if (client.lag) {
      const runs = client.lag.runs
      if (runs && !runs.has(framed.runId)) client.lag.runs = runs.size >= MAX_LAG_RUNS ? null : runs.add(framed.runId)
      return
    }
    client.res.write(framed.frame)
  }

  /** A lagging client caught up: one summary of what it skipped, then the stream again. */
  private resume(client: Client): void {
    const lag = client.lag
    if (!lag || !this.clients.has(client)) return
    client.lag = undefined
    const live = client.flowId ? this.live?.peek(client.flowId)?.snapshot() : undefined
    const summary = { skipped: { from: lag.from, to: this.lastEventId }, runs: lag.runs ? [...lag.runs] : null, live }
    client.res.write(`id: ${this.lastEventId}\nevent: summary\ndata: ${JSON.stringify(summary)}\n\n`)
  }

  private beat(client: Client): void {
    if (!client.lag) return void client.res.write(': heartbeat\n\n')
    // A client that has not read for minutes is gone in all but name.
    if (Date.now() - client.lag.since > MAX_LAG_MS) {
      this.clients.delete(client)
      client.res.destroy()
    }
  }
}
