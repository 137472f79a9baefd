/**
 * The inbox index: every task of every run, kept in sorted lists per status ×
 * (role or any role) × (flow or any flow), once by due time and once by
 * creation time; claimed tasks also per status × assignee. A query merges the
 * few lists it needs and walks only as far as its page, and counts a due-time
 * range by rank, so one page of 100,000 open tasks costs the page, not a sort.
 */
import type { TaskQuery } from '../engine/store.js'
import type { TaskState } from '../engine/state.js'
import { SortedList, mergeAscending } from './sorted-list.js'

type Status = TaskState['status']
type Sort = NonNullable<TaskQuery['sort']>

const STATUSES: Status[] = ['open', 'decided', 'closed']
/** Role or flow slot of the lists that hold every role or every flow. */
const ANY = '\u0001any'
/** Sorts after every ISO time, so tasks without a due time come last. */
const NO_DUE = '\uffff'

interface TaskEntry {
  task: TaskState
  /** Lists it sits in are chosen by these three. */
  status: Status
  role: string
  flowId: string
  assignee?: string
  dueKey: string
  createdKey: string
  lists: Lists[]
}

interface Lists {
  due: SortedList<TaskEntry>
  created: SortedList<TaskEntry>
}

export class TaskIndex {
  private byId = new Map<string, TaskEntry>()
  private byRun = new Map<string, string[]>()
  /** status → role (or ANY) → flow (or ANY) → lists. */
  private lists = new Map<Status, Map<string, Map<string, Lists>>>()
  /** status → assignee → lists of the tasks they hold. */
  private claimed = new Map<Status, Map<string, Lists>>()

  get size(): number {
    return this.byId.size
  }

  runIdOf(taskId: string): string | undefined {
    return this.byId.get(taskId)?.task.runId
  }

  /** Add or replace a task. The index keeps `task` as is: hand it a copy. */
  put(task: TaskState): void {
    const old = this.byId.get(task.id)
    const same = old && old.status === task.status && old.role === task.role && old.flowId === task.flowId && old.task.dueAt === task.dueAt
    if (old && same && old.assignee === task.assignee) {
      old.task = task
      return
    }
    if (old) this.unlist(old)
    const { status, role, flowId } = task
    const entry: TaskEntry = {
      task,
      status,
      role,
      flowId,
      assignee: task.assignee,
      dueKey: `${task.dueAt ?? NO_DUE}\u0000${task.createdAt}\u0000${task.id}`,
      createdKey: `${task.createdAt}\u0000${task.id}`,
      lists: [this.listsFor(status, role, flowId), this.listsFor(status, role, ANY), this.listsFor(status, ANY, flowId), this.listsFor(status, ANY, ANY)],
    }
    if (task.assignee) entry.lists.push(this.claimedLists(status, task.assignee))
    this.byId.set(task.id, entry)
    const ids = this.byRun.get(task.runId)
    if (!ids) this.byRun.set(task.runId, [task.id])
    else if (!ids.includes(task.id)) ids.push(task.id)
    for (const lists of entry.lists) {
      lists.due.insert(entry.dueKey, entry)
      lists.created.insert(entry.createdKey, entry)
    }
  }

  query(q: TaskQuery): { items: TaskState[]; total: number } {
    const offset = Math.max(0, q.offset ?? 0)
    const limit = Math.max(0, q.limit ?? 50)
    const sort: Sort = q.sort ?? 'due'
    const roles = q.roles ? new Set(q.roles) : undefined
    const { dueBefore, dueAfter, flowId } = q
    const inDue = (t: TaskState): boolean =>
      (dueBefore === undefined || (t.dueAt !== undefined && t.dueAt < dueBefore)) && (dueAfter === undefined || (t.dueAt !== undefined && t.dueAt >= dueAfter))
    const statuses = q.status ? [q.status] : STATUSES

    if (q.runId !== undefined) {
      const keep = (t: TaskState): boolean => (flowId === undefined || t.flowId === flowId) && inDue(t) && (q.assignee === undefined || (t.assignee ?? null) === q.assignee)
      return this.queryRun(q.runId, q.status, roles, keep, sort, offset, limit)
    }
    if (typeof q.assignee === 'string') {
      // One person holds few tasks: walk them all.
      const streams = statuses.flatMap((status) => this.claimed.get(status)?.get(q.assignee as string)?.[sort].ascending() ?? [])
      const keep = (e: TaskEntry): boolean => (!roles || roles.has(e.role)) && (flowId === undefined || e.flowId === flowId) && inDue(e.task)
      return this.page(mergeAscending(streams), keep, undefined, offset, limit, undefined)
    }

    const lists: SortedList<TaskEntry>[] = []
    for (const status of statuses) {
      for (const role of roles ?? [ANY]) {
        const list = this.lists.get(status)?.get(role)?.get(flowId ?? ANY)?.[sort]
        if (list) lists.push(list)
      }
    }
    const byDue = sort === 'due'
    const dueFiltered = dueBefore !== undefined || dueAfter !== undefined
    // By due time, a due filter is a key range: start at its lower end, stop at its upper end, count it by rank.
    const lower = byDue ? dueAfter : undefined
    const upper = byDue ? (dueBefore ?? (dueAfter !== undefined ? NO_DUE : undefined)) : undefined
    let total: number | undefined
    if (byDue || !dueFiltered) {
      total = 0
      for (const list of lists) total += (upper !== undefined ? list.rank(upper) : list.size) - (lower !== undefined ? list.rank(lower) : 0)
    }
    const unclaimed = q.assignee === null
    if (unclaimed && total !== undefined) total -= this.countClaimed(statuses, roles, flowId, inDue)
    const keep = (e: TaskEntry): boolean => (!unclaimed || !e.assignee) && (byDue || !dueFiltered || inDue(e.task))
    return this.page(mergeAscending(lists.map((l) => l.ascending(lower))), keep, upper, offset, limit, total)
  }

  /** Walk a merged stream to fill a page; without a known total, walk to the end to count. */
  private page(
    stream: Iterable<TaskEntry>,
    keep: (e: TaskEntry) => boolean,
    upper: string | undefined,
    offset: number,
    limit: number,
    total: number | undefined,
  ): { items: TaskState[]; total: number } {
    const items: TaskState[] = []
    let seen = 0
    for (const entry of stream) {
      if (upper !== undefined && entry.dueKey >= upper) break
      if (!keep(entry)) continue
      if (seen >= offset && items.length < limit) items.push(entry.task)
      seen++
      if (total !== undefined && items.length >= limit) break
    }
    return { items, total: total ?? seen }
  }

  /** Claimed tasks matching a query: few, so counted one by one. */
  private countClaimed(statuses: Status[], roles: Set<string> | undefined, flowId: string | undefined, inDue: (t: TaskState) => boolean): number {
    let n = 0
    for (const status of statuses) {
      for (const lists of this.claimed.get(status)?.values() ?? []) {
        for (const { value: e } of lists.created.ascending()) {
          if ((!roles || roles.has(e.role)) && (flowId === undefined || e.flowId === flowId) && inDue(e.task)) n++
        }
      }
    }
    return n
  }

  private queryRun(
    runId: string,
    status: Status | undefined,
    roles: Set<string> | undefined,
    keep: (t: TaskState) => boolean,
    sort: Sort,
    offset: number,
    limit: number,
  ): { items: TaskState[]; total: number } {
    const entries = (this.byRun.get(runId) ?? [])
      .map((id) => this.byId.get(id))
      .filter((e): e is TaskEntry => e !== undefined)
      .filter((e) => (status === undefined || e.status === status) && (!roles || roles.has(e.role)) && keep(e.task))
    const key = (e: TaskEntry): string => (sort === 'due' ? e.dueKey : e.createdKey)
    entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    return { items: entries.slice(offset, offset + limit).map((e) => e.task), total: entries.length }
  }

  private unlist(entry: TaskEntry): void {
    for (const lists of entry.lists) {
      lists.due.delete(entry.dueKey)
      lists.created.delete(entry.createdKey)
    }
  }

  private claimedLists(status: Status, assignee: string): Lists {
    let byAssignee = this.claimed.get(status)
    if (!byAssignee) this.claimed.set(status, (byAssignee = new Map()))
    let lists = byAssignee.get(assignee)
    if (!lists) byAssignee.set(assignee, (lists = { due: new SortedList(), created: new SortedList() }))
    return lists
  }

  private listsFor(status: Status, role: string, flowId: string): Lists {
    let byRole = this.lists.get(status)
    if (!byRole) this.lists.set(status, (byRole = new Map()))
    let byFlow = byRole.get(role)
    if (!byFlow) byRole.set(role, (byFlow = new Map()))
    let lists = byFlow.get(flowId)
    if (!lists) byFlow.set(flowId, (lists = { due: new SortedList(), created: new SortedList() }))
    return lists
  }
}
