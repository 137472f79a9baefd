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
import { flow as buildFlow, type NodeSpec, type TestFlow } from '../../helpers/flows.js'

export function createTestEngine(start = '2026-01-05T09:00:00.000Z') {
  let now = new Date(start)
  const store = createMemoryStore()
  const committed: RunEvent[] = []
  const secret = randomBytes(32)
  const clock = { now: () => new Date(now) }
  const { engine } = composeEngine({ store, secret, log: createLogger('silent'), clock, onCommit: (_state, events) => committed.push(...events) })
  return {
    engine,
    store,
    committed,
    /** Another engine on the same store, as a second process would have: nothing shared but the store. */
    secondEngine() {
      return composeEngine({ store, secret, log: createLogger('silent'), clock, onCommit: (_state, events) => committed.push(...events) }).engine
    },
    advanceClock(ms: number) {
      now = new Date(now.getTime() + ms)
    },
    async publish(flow: Flow): Promise<number> {
      await store.flows.saveDraft(flow.id, flow, 'test')
      return store.flows.publish(flow.id, 'test')
    },
  }
}

/** A flow from nodes and `source.port->target` edges (the API tests' builder, typed as a Flow). */
export function flow(id: string, nodes: NodeSpec[], edges: string[], extra: Partial<Flow> = {}): Flow {
  return buildFlow(id, nodes, edges, extra as Partial<TestFlow>) as unknown as Flow
}

export function typesOf(events: readonly RunEvent[]): string[] {
  return events.map((e) => e.type)
}
