/**
 * A generic driver that takes a run to its end through the API, the way
 * people would: decide each open task with its first decision (distinct
 * reviewers of the task's group, signed in, for four eyes; always with a
 * reason) and answer each customer request from its outbox link with its
 * first answer and valid data.
 */
import type { Api } from './api.js'
import { tokenOf } from './api.js'
import type { People } from './people.js'

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

export interface DriveOptions {
  /** Reviewers are signed in through this (`t.people`). */
  people: People
  /** Called when a run waits on nothing but timers; should make the next one fire. */
  advanceTime?: (runId: string) => Promise<void>
  /** Who started the run (may not approve four-eyes tasks). */
  requester?: string
  maxSteps?: number
}

export async function driveToEnd(api: Api, runId: string, options: DriveOptions): Promise<any> {
  for (let step = 0; step < (options.maxSteps ?? 50); step++) {
    const run = (await api('GET', `/api/runs/${runId}`)).body
    if (TERMINAL.has(run.status)) return run
    if (run.status === 'running') {
      await new Promise((r) => setTimeout(r, 10))
      continue
    }
    let acted = false
    for (const wait of run.waitingOn as { tasks: string[]; requests: string[] }[]) {
      for (const taskId of wait.tasks) acted = (await decideFully(api, options.people, taskId, options.requester)) || acted
      for (const requestId of wait.requests) acted = (await answerRequest(api, runId, requestId)) || acted
    }
    if (!acted) {
      if (!options.advanceTime) throw new Error(`run ${runId} waits on nothing the driver can answer: ${JSON.stringify(run.waitingOn)}`)
      await options.advanceTime(runId)
    }
  }
  throw new Error(`run ${runId} did not finish within the driver's step limit`)
}

/** Decide a task with its first decision, by as many distinct reviewers of its group as it needs. */
export async function decideFully(api: Api, people: People, taskId: string, requester = 'requester'): Promise<boolean> {
  const task = (await api('GET', `/api/tasks/${taskId}`)).body
  if (task.status !== 'open') return false
  const decision = task.decisions[0]
  const already = new Set((task.approvals as { by: string }[]).map((a) => a.by))
  for (let i = 1; i <= task.requiredApprovals + already.size + 1; i++) {
    const user = `reviewer-${i}`
    if (user === requester || already.has(user)) continue
    const reviewer = await people.as(user, { groups: [task.role] })
    const res = await reviewer('POST', `/api/tasks/${taskId}/decision`, { decision, reason: 'decided by the test driver' })
    if (res.status === 200) return true
    if (res.status !== 202) throw new Error(`deciding task ${taskId} '${decision}' as ${user} failed (${res.status}): ${res.text}`)
  }
  throw new Error(`task ${taskId} was still open after ${task.requiredApprovals} approvals`)
}

/** Answer a customer request through its link, with its first answer and data valid for its kind. */
export async function answerRequest(api: Api, runId: string, requestId: string): Promise<boolean> {
  const outbox = (await api('GET', `/api/outbox?runId=${encodeURIComponent(runId)}&limit=1000`)).body as { requestId?: string; link?: string }[]
  const message = outbox.find((m) => m.requestId === requestId && m.link)
  if (!message) throw new Error(`no link was sent for request ${requestId} of run ${runId}`)
  const token = tokenOf(message.link!)
  const shown = await api('GET', `/api/customer/${token}`)
  if (shown.status !== 200) throw new Error(`opening the link of request ${requestId} failed (${shown.status}): ${shown.text}`)
  const answer = shown.body.answers[0]
  const res = await api('POST', `/api/customer/${token}`, { answer, data: answerData(answer, shown.body) })
  if (res.status !== 200) throw new Error(`answering request ${requestId} '${answer}' failed (${res.status}): ${res.text}`)
  return true
}

interface ShownRequest {
  options?: { value: string }[]
  fields?: { name: string; type: string }[]
}

export function answerData(answer: string, request: ShownRequest): Record<string, unknown> {
  if (answer === 'choose') return { option: request.options?.[0]?.value }
  if (answer === 'rate') return { rating: 5, comment: 'rated by the test driver' }
  if (answer === 'submit') {
    const data: Record<string, unknown> = {}
    for (const f of request.fields ?? []) data[f.name] = f.type === 'number' ? 1 : f.type === 'boolean' ? true : f.type === 'date' ? '2026-02-01' : 'filled by the test driver'
    return data
  }
  return {}
}

/** Pending timers of a run, from its event log. */
export async function pendingTimers(api: Api, runId: string): Promise<{ timerId: string; name: string; fireAt: string }[]> {
  const events = (await api('GET', `/api/runs/${runId}/events`)).body as { type: string; timerId?: string; name?: string; fireAt?: string }[]
  const pending = new Map<string, { timerId: string; name: string; fireAt: string }>()
  for (const e of events) {
    if (e.type === 'timer.scheduled') pending.set(e.timerId!, { timerId: e.timerId!, name: e.name!, fireAt: e.fireAt! })
    if (e.type === 'timer.fired' || e.type === 'timer.cancelled') pending.delete(e.timerId!)
  }
  return [...pending.values()].sort((a, b) => a.fireAt.localeCompare(b.fireAt))
}
