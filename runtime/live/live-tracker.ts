/**
 * Live pictures of the flows someone is watching. The first request for a
 * flow builds its picture from the store (every run of the flow, its state
 * and its log); from then on each commit updates it. Commits that arrive
 * while the store is being read are held and taken in afterwards, skipping
 * what the read already saw, so nothing is counted twice or missed.
 */
import type { RunEvent } from '../engine/events.js'
import { deriveState, type RunState } from '../engine/state.js'
import type { Store } from '../engine/store.js'
import { FlowLive, utcDay, type LivePatch } from './flow-live.js'

interface Held {
  state: RunState
  events: readonly RunEvent[]
}

/** How many runs of one flow a first build reads at most (newest first). */
const MAX_SCAN = 200_000

export class LiveTracker {
  private readonly ready = new Map<string, FlowLive>()
  private readonly building = new Map<string, { promise: Promise<FlowLive>; held: Held[] }>()

  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Take in a commit; returns the flow's changes when its picture is being kept. */
  observe(state: RunState, events: readonly RunEvent[]): LivePatch | undefined {
    const live = this.ready.get(state.flowId)
    if (live) return live.apply(state, events)
    // The state object lives on in the engine: hold a copy of it.
    this.building.get(state.flowId)?.held.push({ state: structuredClone(state), events })
    return undefined
  }

  /** The flow's picture, built from the store on first use. */
  flow(flowId: string): FlowLive | Promise<FlowLive> {
    const live = this.ready.get(flowId)
    if (live) return live
    const pending = this.building.get(flowId)
    if (pending) return pending.promise
    const held: Held[] = []
    const promise = this.build(flowId, held).finally(() => this.building.delete(flowId))
    this.building.set(flowId, { promise, held })
    return promise
  }

  /** The picture if it is built, without building it. */
  peek(flowId: string): FlowLive | undefined {
    return this.ready.get(flowId)
  }

  private async build(flowId: string, held: Held[]): Promise<FlowLive> {
    const live = new FlowLive(flowId, () => utcDay(this.nowMs()))
    const runs = this.store.runs
    for (const summary of await runs.listRuns({ flowId, limit: MAX_SCAN })) {
      if (summary.test) continue
      // The state is folded from the very log read, so the two always agree.
      const events = await runs.getEvents(summary.id)
      if (events && events.length > 0) live.apply(deriveState(summary.id, events), events)
    }
    // Synchronously from here: no commit can slip between catching up and going live.
    for (const h of held) live.apply(h.state, h.events)
    this.ready.set(flowId, live)
    return live
  }
}
