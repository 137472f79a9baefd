/**
 * Cases per flow, in memory. A flow's cases are folded from the store's logs
 * the first time someone asks (metrics, what-if, dataset), then kept current
 * from every commit — so a what-if over 100,000 runs reads no file.
 * Test runs are left out: they are not evidence.
 */
import type { RunEvent } from '../engine/events.js'
import type { RunState } from '../engine/state.js'
import type { Store } from '../engine/store.js'
import { applyCaseEvent, caseFromEvents, emptyCase, type CaseRecord } from './case-record.js'

type Cases = Map<string, CaseRecord>

export class CaseIndex {
  private readonly loaded = new Map<string, Cases>()
  private readonly loading = new Map<string, { done: Promise<Cases>; buffered: RunEvent[][]; runIds: string[] }>()

  constructor(private readonly store: Store) {}

  /** Feed committed events (the server calls this from the engine's onCommit). */
  observe(state: RunState, events: readonly RunEvent[]): void {
    if (state.test) return
    const cases = this.loaded.get(state.flowId)
    if (cases) return apply(cases, state.id, events)
    const pending = this.loading.get(state.flowId)
    if (pending) {
      pending.buffered.push([...events])
      pending.runIds.push(state.id)
    }
  }

  /** The flow's cases, oldest first. */
  async cases(flowId: string): Promise<CaseRecord[]> {
    const cases = this.loaded.get(flowId) ?? (await this.load(flowId))
    return [...cases.values()]
  }

  /** Drop what is known of a flow (it was deleted). */
  forget(flowId: string): void {
    this.loaded.delete(flowId)
  }

  private load(flowId: string): Promise<Cases> {
    const running = this.loading.get(flowId)
    if (running) return running.done
    const entry = { done: undefined as unknown as Promise<Cases>, buffered: [] as RunEvent[][], runIds: [] as string[] }
    entry.done = (async () => {
      try {
        const cases: Cases = new Map()
        const summaries = await this.store.runs.listRuns({ flowId, limit: Number.POSITIVE_INFINITY })
        // Oldest first, so the Map iterates in start order.
        for (let i = summaries.length - 1; i >= 0; i--) {
          const summary = summaries[i]
          if (summary.test) continue
          const events = await this.store.runs.getEvents(summary.id)
          if (events) cases.set(summary.id, caseFromEvents(summary.id, events))
        }
        // Commits that landed while reading; a case ignores events it already has.
        entry.buffered.forEach((events, i) => apply(cases, entry.runIds[i], events))
        this.loaded.set(flowId, cases)
        return cases
      } finally {
        this.loading.delete(flowId)
      }
    })()
    this.loading.set(flowId, entry)
    return entry.done
  }
}

function apply(cases: Cases, runId: string, events: readonly RunEvent[]): void {
  let record = cases.get(runId)
  if (!record) cases.set(runId, (record = emptyCase(runId)))
  for (const event of events) applyCaseEvent(record, event)
}
