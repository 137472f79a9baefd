/**
 * The stream hub on its own, with a stand-in response whose socket buffer
 * the test controls: replay after Last-Event-ID, resync for ids it does not
 * cover, and a slow client switched to a summary and back.
 */
import { EventEmitter } from 'node:events'
import type { Response } from 'express'
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../runtime/engine/events.js'
import { deriveState } from '../../../runtime/engine/state.js'
import { StreamHub } from '../../../runtime/http/stream-hub.js'

/** A response that keeps what is written; while `stalled`, written bytes stay queued like on a socket nobody reads. */
class FakeResponse extends EventEmitter {
  written = ''
  writableLength = 0
  stalled = false
  ended = false
  writeHead() {
    return this
  }
  write(chunk: string) {
    this.written += chunk
    if (this.stalled) this.writableLength += chunk.length
    return !this.stalled
  }
  end(chunk?: string) {
    if (chunk) this.written += chunk
    this.ended = true
  }
  destroy() {
    this.ended = true
  }
  /** The reader catches up. */
  drain() {
    this.stalled = false
    this.writableLength = 0
    this.emit('drain')
  }
  frames(event: string) {
    return this.written
      .split('\n\n')
      .filter((b) => b.includes(`event: ${event}\n`))
      .map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)))
  }
}

const asRes = (r: FakeResponse) => r as unknown as Response
let seq = 0
function commit(hub: StreamHub, runId: string, flowId = 'f', payload = 0) {
  const at = new Date().toISOString()
  const events: RunEvent[] = [{ type: 'run.started', seq: ++seq, at, flowId, flowVersion: 1, input: { pad: 'x'.repeat(payload) }, params: {} }]
  hub.publish(deriveState(runId, events), events)
}

describe('the stream hub', () => {
  it('replays what a client missed after its Last-Event-ID, and nothing before', () => {
    const hub = new StreamHub()
    commit(hub, 'a')
    const seen = hub.lastEventId
    commit(hub, 'b')
    commit(hub, 'c')
    const res = new FakeResponse()
    hub.attach(asRes(res), {}, seen)
    expect(res.frames('run').map((m) => m.runId)).toEqual(['b', 'c'])
    expect(res.frames('resync')).toEqual([])
  })

  it('tells a client with an id from before a restart to resync, and replays nothing', () => {
    const before = new StreamHub()
    commit(before, 'a')
    const oldId = before.lastEventId
    const after = new StreamHub({})
    commit(after, 'b')
    const res = new FakeResponse()
    after.attach(asRes(res), {}, oldId - 5_000_000)
    expect(res.frames('resync')).toHaveLength(1)
    expect(res.frames('run')).toEqual([])
  })

  it('tells a client too far behind for the ring to resync', () => {
    const hub = new StreamHub({ ringSize: 3 })
    commit(hub, 'a')
    const old = hub.lastEventId
    for (const r of ['b', 'c', 'd', 'e']) commit(hub, r)
    const res = new FakeResponse()
    hub.attach(asRes(res), {}, old)
    expect(res.frames('resync')[0].reason).toBe('too far behind')
  })

  it('switches a slow client to a summary, keeps its memory bounded, and resumes it', () => {
    const hub = new StreamHub({ maxClientBuffer: 10_000 })
    const slow = new FakeResponse()
    const fast = new FakeResponse()
    hub.attach(asRes(slow), {})
    hub.attach(asRes(fast), {})
    slow.stalled = true
    for (let i = 0; i < 500; i++) commit(hub, `r${i % 20}`, 'f', 1000)
    expect(fast.frames('run')).toHaveLength(500)
    expect(slow.writableLength).toBeLessThan(10_000 + 2_000)
    expect(hub.stats()).toMatchObject({ clients: 2, lagging: 1 })
    slow.drain()
    const [summary] = slow.frames('summary')
    expect(summary.runs.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).sort())
    expect(summary.skipped.to).toBe(hub.lastEventId)
    commit(hub, 'later')
    expect(slow.frames('run').at(-1).runId).toBe('later')
    expect(hub.stats().lagging).toBe(0)
  })

  it('ends every stream on closeAll, so clients reconnect', () => {
    const hub = new StreamHub()
    const res = new FakeResponse()
    hub.attach(asRes(res), {})
    hub.closeAll()
    expect(res.ended).toBe(true)
    expect(hub.clientCount).toBe(0)
  })
})
