/**
 * The live counts the canvas draws, kept from the server's snapshot and the
 * stream's patches. Patches carry absolute values, so applying them in
 * order — replayed after a reconnect or not — ends at the server's truth.
 * Unchanged steps keep their objects, so only the nodes a patch touched
 * draw again.
 */
import type { LivePatchWire, RunCounts } from '../../api/types'
import { portKey, type LiveCounts, type NodeLive } from '../canvas/overlay'

export interface LiveState extends LiveCounts {
  runs: RunCounts
}

export const NO_RUNS: RunCounts = { running: 0, waiting: 0, failed: 0, completedToday: 0 }

export function fromSnapshot(snapshot: LivePatchWire): LiveState {
  return applyPatch({ nodes: new Map(), ports: new Map(), runs: NO_RUNS }, snapshot)
}

export function applyPatch(state: LiveState, patch: LivePatchWire): LiveState {
  const nodes = new Map(state.nodes)
  for (const [id, n] of Object.entries(patch.nodes)) {
    const prev = nodes.get(id)
    if (prev && sameNode(prev, n)) continue
    const next: NodeLive = { running: n.running, waiting: n.waiting, failed: n.failed, doneToday: n.doneToday }
    if (n.oldestWaitingSince) next.oldestWaitingSince = n.oldestWaitingSince
    nodes.set(id, next)
  }
  const ports = new Map(state.ports)
  for (const p of patch.ports) ports.set(portKey(p.source, p.port), p.runs)
  return { nodes, ports, runs: patch.runs ?? state.runs }
}

function sameNode(a: NodeLive, b: NodeLive): boolean {
  return a.running === b.running && a.waiting === b.waiting && a.failed === b.failed && a.doneToday === b.doneToday && a.oldestWaitingSince === b.oldestWaitingSince
}

/** "40 s", "12 min", "3 h", "2 d": how long the oldest run has waited. */
export function waitAge(since: string | undefined, now = Date.now()): string {
  if (!since) return ''
  const s = Math.max(0, Math.round((now - Date.parse(since)) / 1000))
  if (s < 60) return `${s} s`
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.round(m / 60)
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`
}
