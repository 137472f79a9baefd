/**
 * The inbox index: every task of every run, kept in sorted lists per status ×
 * (role or any role) × (flow or any flow), once by due time and once by
 * creation time. A query merges the few lists it needs and walks only as far
 * as its page, so one page of 100,000 open tasks costs the page, not a sort.
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

  get size(): number {
    return this.byId.size
  }

  runIdOf(taskId: string): string | undefined {
    return this.byId.get(taskId)?.task.runId
  }

  /** Add or replace a task. The index keeps `task` as is: hand it a copy. */
  put(task: TaskState): void {
    const old = this.byId.get(task.id)
    if (old && old.status === task.status && old.role === task.role && old.flowId === task.flowId && old.task.dueAt === task.dueAt) {
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
      dueKey: `${task.dueAt ?? NO_DUE}\u0000${task.createdAt}\u0000${task.id}`,
      createdKey: `${task.createdAt}\u0000${task.id}`,
      lists: [this.listsFor(status, role, flowId), this.listsFor(status, role, ANY), this.listsFor(status, ANY, flowId), this.listsFor(status, ANY, ANY)],
    }
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
    const dueBefore = q.dueBefore
    const keep = (t: TaskState): boolean => dueBefore === undefined || (t.dueAt !== undefined && t.dueAt < dueBefore)

    if (q.runId !== undefined) {
      const flowId = q.flowId
      const inFlow = (t: TaskState): boolean => (flowId === undefined || t.flowId === flowId) && keep(t)
      return this.queryRun(q.runId, q.status, roles, inFlow, sort, offset, limit)
    }

    const statuses = q.status ? [q.status] : STATUSES
    const streams = []
    let sizeSum = 0
    for (const status of statuses) {
      for (const role of roles ?? [ANY]) {
        const list = this.lists.get(status)?.get(role)?.get(q.flowId ?? ANY)?.[sort]
        if (!list) continue
        sizeSum += list.size
        streams.push(list.ascending())
      }
    }
    const filtered = dueBefore !== undefined
    const items: TaskState[] = []
    let seen = 0
    for (const entry of mergeAscending(streams)) {
      if (filtered && !keep(entry.task)) {
        // By due time, everything after the first task due too late is due too late.
        if (sort === 'due') break
        continue
      }
      if (seen >= offset && items.length < limit) items.push(entry.task)
      seen++
      // Without a filter the total is known up front: stop once the page is full.
      if (!filtered && items.length >= limit) break
    }
    return { items, total: filtered ? seen : sizeSum }
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
