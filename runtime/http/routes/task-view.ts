/**
 * What a reviewer's task page needs beyond the task: the run it belongs to,
 * the flow and step names, and every earlier human or customer answer in the
 * run, oldest first. Also the inbox's `due=` shortcuts as a time range.
 */
import type { RunState, TaskState } from '../../engine/state.js'
import type { HistoryEntry } from '../../../node-types/api/tasks.js'
import type { RuntimeContext } from '../runtime-context.js'

export type { HistoryEntry }

export async function taskDetail(rt: RuntimeContext, run: RunState, task: TaskState) {
  let flowName = run.flowId
  let stepLabel = task.nodeId
  let show = task.show
  try {
    const compiled = await rt.engine.compiledFor(run.flowId, run.flowVersion, run.params, run.flowSnapshot)
    flowName = compiled.flow.name
    stepLabel = compiled.flow.nodes.find((n) => n.id === task.nodeId)?.label ?? task.nodeId
    const named = (compiled.nodes.get(task.nodeId)?.config as { show?: unknown[] } | undefined)?.show?.length
    if (!named) show = withoutRouting(task.show, (id) => compiled.nodes.get(id)?.def.category)
  } catch {
    // A flow version that is gone still leaves the task readable.
  }
  const now = rt.engine.deps.clock.now().toISOString()
  return {
    ...task,
    show,
    overdue: task.status === 'open' && task.dueAt !== undefined && task.dueAt < now,
    flowName,
    stepLabel,
    run: { id: run.id, flowId: run.flowId, flowVersion: run.flowVersion, status: run.status, test: run.test, requestedBy: run.requestedBy, createdAt: run.createdAt },
    history: historyOf(run, task.id),
  }
}

/** Node categories whose output is how the run was routed (a start, a rule's outcome and rule index, a wait), not part of the case. */
const ROUTING = new Set(['flow', 'logic'])

/**
 * A review that names nothing to show gets the input and every earlier
 * output; the reviewer is spared the ones that only say how the run was
 * routed ("Route: Outcome four-eyes, Rule 0").
 */
function withoutRouting(show: TaskState['show'], categoryOf: (nodeId: string) => string | undefined): TaskState['show'] {
  const kept = Object.entries(show).filter(([key]) => key === 'input' || !ROUTING.has(categoryOf(key) ?? ''))
  return kept.length === Object.keys(show).length ? show : Object.fromEntries(kept)
}

/** Earlier decisions, four-eyes approvals and customer answers of a run, oldest first. */
export function historyOf(run: RunState, exceptTaskId?: string): HistoryEntry[] {
  const out: HistoryEntry[] = []
  for (const t of Object.values(run.tasks)) {
    for (const a of t.approvals) {
      if (t.decision?.reviewers.includes(a.by) && t.decision.by === a.by) continue
      out.push({ kind: 'approval', taskId: t.id, nodeId: t.nodeId, title: t.title, decision: a.decision, by: a.by, at: a.at, reason: a.reason })
    }
    if (t.id === exceptTaskId || !t.decision) continue
    const d = t.decision
    out.push({ kind: 'decision', taskId: t.id, nodeId: t.nodeId, title: t.title, decision: d.decision, by: d.by, at: d.at, reason: d.reason, corrections: d.corrections, reviewers: d.reviewers })
  }
  for (const r of Object.values(run.requests)) {
    if (r.answer) out.push({ kind: 'customer', requestId: r.id, nodeId: r.nodeId, answer: r.answer.answer, data: r.answer.data, at: r.answer.at })
  }
  return out.sort((a, b) => a.at.localeCompare(b.at))
}

/** The `due=` shortcut as a time range, combined with explicit bounds (the tighter wins). */
export function dueRange(due: 'overdue' | 'today' | 'week' | undefined, now: Date, explicit: { dueBefore?: string; dueAfter?: string }) {
  let dueBefore = explicit.dueBefore && new Date(explicit.dueBefore).toISOString()
  const dueAfter = explicit.dueAfter && new Date(explicit.dueAfter).toISOString()
  const tighter = (limit: string) => (dueBefore === undefined || limit < dueBefore ? limit : dueBefore)
  if (due === 'overdue') dueBefore = tighter(now.toISOString())
  if (due === 'today') {
    const end = new Date(now)
    end.setUTCHours(24, 0, 0, 0)
    dueBefore = tighter(end.toISOString())
  }
  if (due === 'week') dueBefore = tighter(new Date(now.getTime() + 7 * 86_400_000).toISOString())
  return { ...(dueBefore ? { dueBefore } : {}), ...(dueAfter ? { dueAfter } : {}) }
}
