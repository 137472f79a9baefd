/**
 * A tiny harness for engine tests: an engine on the in-memory store with a
 * clock the test moves by hand, and helpers to build small flows.
 */
import { randomBytes } from 'node:crypto'
import type { Flow } from '../../../node-types/flow/schema.js'
import { composeEngine } from '../../../runtime/compose.js'
import type { RunEvent } from '../../../runtime/engine/events.js'
import { createLogger } from '../../../runtime/log.js'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'

export function createTestEngine(start = '2026-01-05T09:00:00.000Z') {
  let now = new Date(start)
  const store = createMemoryStore()
  const committed: RunEvent[] = []
  const { engine } = composeEngine({
    store,
    secret: randomBytes(32),
    log: createLogger('silent'),
    clock: { now: () => new Date(now) },
    onCommit: (_state, events) => committed.push(...events),
  })
  return {
    engine,
    store,
    committed,
    advanceClock(ms: number) {
      now = new Date(now.getTime() + ms)
    },
    async publish(flow: Flow): Promise<number> {
      await store.flows.saveDraft(flow.id, flow, 'test')
      return store.flows.publish(flow.id, 'test')
    },
  }
}

type NodeSpec = { id: string; type: string; config?: Record<string, unknown> }

/** A flow from nodes and `source.port->target` edges. */
export function flow(id: string, nodes: NodeSpec[], edges: string[], extra: Partial<Flow> = {}): Flow {
  return {
    schemaVersion: 1,
    id,
    name: id,
    description: '',
    version: 0,
    parameters: [],
    input: { type: 'object' },
    nodes: nodes.map((n, i) => ({ id: n.id, type: n.type, typeVersion: 1, position: { x: i * 200, y: 0 }, config: n.config ?? {} })),
    edges: edges.map((e, i) => {
      const [from, target] = e.split('->')
      const [source, sourcePort] = from.split('.')
      return { id: `e${i + 1}`, source, sourcePort, target }
    }),
    ...extra,
  }
}

export function typesOf(events: readonly RunEvent[]): string[] {
  return events.map((e) => e.type)
}
