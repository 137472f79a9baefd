/**
 * The real server as a child process on a lowdb data folder: killed with
 * SIGKILL and started again, it loses nothing, duplicates nothing, and fires
 * deadlines that passed while it was down exactly once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../../runtime/version.js'
import { latestToken, openTasks, publishFlow, waitForRunStatus, type Api } from '../../helpers/api.js'
import { spawnInloop, spawnServer, type ChildServer } from '../../helpers/child-server.js'
import { driveToEnd } from '../../helpers/drive.js'
import { people } from '../../helpers/people.js'
import { chooseFlow, reviewFlow } from '../../helpers/flows.js'

const samples: { name: string; input: unknown }[] = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'loan-approval.inputs.json'), 'utf8'))
const sample = (match: string) => samples.find((s) => s.name.toLowerCase().includes(match))!.input

type Event = { seq: number; type: string; [k: string]: unknown }
const events = async (api: Api, runId: string): Promise<Event[]> => (await api('GET', `/api/runs/${runId}/events`)).body
const count = (log: Event[], type: string) => log.filter((e) => e.type === type).length

// Each test starts real server processes several times: on a loaded shared machine that alone can take half a minute.
describe('a server killed and restarted on the same data folder', { timeout: 120_000 }, () => {
  let dataDir: string
  const children: ChildServer[] = []
  const serve = async () => {
    const child = await spawnServer({ dataDir })
    children.push(child)
    return child
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inloop-restart-'))
  })
  afterEach(async () => {
    for (const child of children.splice(0)) await child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('completes every waiting run after SIGKILL, with nothing lost or duplicated', async () => {
    const first = await serve()
    // The admin key acts for these people (X-Inloop-User); they must exist.
    const crew = people(first.url, first.api)
    await crew.as('requester', { roles: ['designer'] })
    await crew.as('reviewer-1', { groups: ['credit-officer'] })
    const start = async (input: unknown) => {
      const res = await first.api('POST', '/api/flows/loan-approval/runs', { input }, { 'x-inloop-user': 'requester' })
      expect(res.status, res.text).toBe(201)
      return res.body.runId as string
    }
    const review = [await start(sample('review')), await start(sample('review'))]
    const fourEyes = [await start(sample('four-eyes')), await start(sample('four-eyes'))]
    const automatic = await start(sample('automatic'))
    await publishFlow(first.api, chooseFlow('delivery'))
    const customer = (await first.api('POST', '/api/flows/delivery/runs', { input: { name: 'Ada', email: 'ada@example.com', dates: ['2026-03-02'] } })).body.runId
    const token = await latestToken(first.api, customer)
    const keyed = (await first.api('POST', '/api/flows/loan-approval/runs', { input: sample('automatic'), idempotencyKey: 'app-42' })).body.runId
    // One four-eyes task gets its first approval before the crash; the second must still be needed after it.
    const [halfApproved] = await openTasks(first.api, fourEyes[0])
    expect((await first.api('POST', `/api/tasks/${halfApproved.id}/decision`, { decision: 'approve' }, { 'x-inloop-user': 'reviewer-1' })).status).toBe(202)

    await first.kill('SIGKILL')
    const second = await serve()
    expect(second.output()).toMatch(/took over the stale lock/)

    const waiting = [...review, ...fourEyes]
    const again = await second.api('POST', '/api/flows/loan-approval/runs', { input: sample('automatic'), idempotencyKey: 'app-42' })
    expect(again.status).toBe(200)
    expect(again.body.runId).toBe(keyed)
    for (const runId of waiting) expect((await second.api('GET', `/api/runs/${runId}`)).body.status).toBe('waiting')
    const carried = (await second.api('GET', `/api/tasks/${halfApproved.id}`)).body
    expect(carried.approvals).toEqual([expect.objectContaining({ by: 'reviewer-1', decision: 'approve' })])

    const answered = await second.api('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-03-02' } })
    expect(answered.status, answered.text).toBe(200)
    expect(await waitForRunStatus(second.api, customer)).toMatchObject({ status: 'completed', outcome: 'chosen' })
    expect((await second.api('GET', `/api/outbox?runId=${customer}`)).body).toHaveLength(1)

    const crewAgain = people(second.url, second.api)
    for (const runId of waiting) {
      const run = await driveToEnd(second.api, runId, { requester: 'requester', people: crewAgain })
      expect(run).toMatchObject({ status: 'completed', outcome: 'approved' })
    }
    for (const runId of [...waiting, automatic, customer]) {
      const log = await events(second.api, runId)
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1))
      expect(count(log, 'run.started')).toBe(1)
      expect(count(log, 'run.completed')).toBe(1)
    }
    for (const runId of waiting) {
      const log = await events(second.api, runId)
      expect(count(log, 'task.created')).toBe(1)
      expect(count(log, 'task.decided')).toBe(1)
    }
    const approvals = (await events(second.api, fourEyes[0])).filter((e) => e.type === 'task.approved').map((e) => e.by)
    expect(approvals).toEqual(['reviewer-1', 'reviewer-2'])
    const listed = (await second.api('GET', '/api/runs?flowId=loan-approval&limit=500')).body.map((r: { id: string }) => r.id)
    expect([...listed].sort()).toEqual([...waiting, automatic, keyed].sort())
    const tasks = (await second.api('GET', '/api/tasks?flowId=loan-approval&limit=500')).body
    expect(tasks).toHaveLength(4)
    expect(tasks.every((task: { status: string }) => task.status === 'decided')).toBe(true)
  })

  it('keeps every run whose start was acknowledged when killed during a burst of writes', async () => {
    const first = await serve()
    const accepted: string[] = []
    let stop = false
    const worker = async () => {
      while (!stop) {
        try {
          const res = await first.api('POST', '/api/flows/loan-approval/runs', { input: sample('automatic') })
          if (res.status === 201) accepted.push(res.body.runId)
        } catch {
          return // the server is gone
        }
      }
    }
    const workers = Array.from({ length: 8 }, worker)
    const deadline = Date.now() + 15_000
    while (accepted.length < 150) {
      if (Date.now() > deadline) throw new Error(`only ${accepted.length} runs were accepted in 15 s:\n${first.output()}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    first.proc.kill('SIGKILL')
    stop = true
    await Promise.all(workers)
    await first.exited

    const second = await serve()
    const listed = new Set((await second.api('GET', '/api/runs?flowId=loan-approval&status=completed&limit=500')).body.map((r: { id: string }) => r.id))
    const missing = accepted.filter((id) => !listed.has(id))
    expect(missing).toEqual([])
    for (const runId of accepted.slice(-5)) {
      const log = await events(second.api, runId)
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1))
      expect(count(log, 'run.completed')).toBe(1)
    }
  })

  it('refuses a second server on the same data folder with a message naming the folder', async () => {
    const first = await serve()
    const second = spawnInloop({ dataDir, port: 0 })
    const { code } = await second.exited
    expect(code).not.toBe(0)
    expect(second.output()).toMatch(/data folder .* (is in use|is locked)/)
    expect(second.output()).toContain(dataDir)
    expect((await first.api('GET', '/api/health')).status).toBe(200)
  })

  it('fires a review deadline that passed while the server was down exactly once after the restart', async () => {
    const first = await serve()
    const f = reviewFlow('deadline', { due: 'PT2S', onDeadline: 'port' })
    f.nodes.push({ id: 'late', type: 'end', typeVersion: 1, position: { x: 0, y: 200 }, config: { outcome: 'overdue' } })
    f.edges.push({ id: 'e-late', source: 'review', sourcePort: 'overdue', target: 'late' })
    await publishFlow(first.api, f)
    const started = await first.api('POST', '/api/flows/deadline/runs', { input: {} })
    const runId = started.body.runId
    const [task] = await openTasks(first.api, runId)
    await first.kill('SIGKILL')

    const wait = Date.parse(task.dueAt) - Date.now() + 200
    expect(wait).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, wait))
    const second = await serve()
    const run = await waitForRunStatus(second.api, runId, 'completed')
    expect(run.outcome).toBe('overdue')
    const log = await events(second.api, runId)
    expect(count(log, 'timer.fired')).toBe(1)
    expect(log.filter((e) => e.type === 'node.completed' && e.nodeId === 'review').map((e) => e.port)).toEqual(['overdue'])

    await second.kill('SIGTERM')
    expect(second.proc.exitCode).toBe(0)
    const third = await serve()
    expect(third.output()).not.toMatch(/stale lock/)
    expect(await events(third.api, runId)).toHaveLength(log.length)
    const late = await third.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(late.status).toBe(409)
  })
})
