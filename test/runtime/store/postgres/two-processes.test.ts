/**
 * Two runtimes on one PostgreSQL database serve one system: a run started on
 * one is read and decided on the other, a sign-out on one is refused by the
 * other at once, and a customer link made on one opens on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestToken, openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../../helpers/api.js'
import { chooseFlow, reviewFlow } from '../../../helpers/flows.js'
import { TEST_ADMIN_PASSWORD, sessionCookie } from '../../../helpers/people.js'
import { createTestDatabase, dropTestDatabases } from '../../../helpers/pg-database.js'

const review = reviewFlow('review')

describe('two processes on one database', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase('two-processes')
    // One after the other: the first makes the admin, the second finds it.
    a = await startTestServer({ memory: false, databaseUrl })
    b = await startTestServer({ memory: false, databaseUrl })
    await publishFlow(a.api, review)
    await publishFlow(a.api, chooseFlow('choose'))
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await dropTestDatabases()
  })

  it('serves a run started on one process from the other, and takes its decision there', async () => {
    const runId = await startRun(b.api, 'review', { amount: 5 })
    const [task] = await openTasks(a.api, runId)
    expect(task).toMatchObject({ runId, role: 'checker', status: 'open' })
    const decided = await a.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })
    expect(decided.status).toBe(200)
    expect(await waitForRunStatus(b.api, runId)).toMatchObject({ status: 'completed', outcome: 'approved' })
    const again = await b.api('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject' })
    expect(again.status).toBe(409)
  })

  it('refuses on one process a session signed out on the other, at once', async () => {
    const session = await sessionCookie(a.url, 'admin', TEST_ADMIN_PASSWORD)
    expect((await fetch(`${b.url}/api/auth/me`, { headers: session })).status).toBe(200)
    expect((await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: session })).status).toBeLessThan(300)
    expect((await fetch(`${b.url}/api/auth/me`, { headers: session })).status).toBe(401)
  })

  it('opens on one process a customer link made on the other', async () => {
    const runId = await startRun(a.api, 'choose', { name: 'Ada', email: 'ada@example.com', dates: ['2026-01-12', '2026-01-13'] })
    const token = await latestToken(a.api, runId)
    expect((await b.anonymous('GET', `/api/customer/${token}`)).status).toBe(200)
    const answered = await b.anonymous('POST', `/api/customer/${token}`, { answer: 'choose', data: { option: '2026-01-13' } })
    expect(answered.status).toBe(200)
    expect(await waitForRunStatus(a.api, runId)).toMatchObject({ status: 'completed', outcome: 'chosen' })
  })
})
