import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../../runtime/engine/index.js'
import { manualClock, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow } from '../../helpers/flows.js'

describe('GET /api/outbox', () => {
  const clock = manualClock()
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ clock })
    await publishFlow(t.api, chooseFlow('first', { expiresIn: 'P3D', remindBefore: ['P1D'] }))
    await publishFlow(t.api, chooseFlow('second'))
    await startRun(t.api, 'first', { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] })
    await startRun(t.api, 'second', { name: 'Bo', email: 'bo@example.com', dates: ['2026-02-01'] })
    clock.advance(2 * 86_400_000 + 1)
    await fireDueTimers(t.server.engine)
  })
  afterAll(() => t.close())

  it('lists every message, oldest first, each with its link and delivery state', async () => {
    const res = await t.api('GET', '/api/outbox')
    expect(res.body.map((m: { purpose: string; to: string }) => `${m.purpose} ${m.to}`)).toEqual(['request ada@example.com', 'request bo@example.com', 'reminder ada@example.com'])
    expect(res.body[0]).toMatchObject({ link: expect.stringMatching(/^\/c\//), deliveries: [] })
    expect(res.body[2].link).toBe(res.body[0].link)
  })

  it('filters by flow, purpose and recipient', async () => {
    expect((await t.api('GET', '/api/outbox?flowId=second')).body.map((m: { to: string }) => m.to)).toEqual(['bo@example.com'])
    expect((await t.api('GET', '/api/outbox?purpose=reminder')).body).toHaveLength(1)
    expect((await t.api('GET', '/api/outbox?to=ada@example.com')).body).toHaveLength(2)
  })

  it('pages back with before and limit', async () => {
    const all = (await t.api('GET', '/api/outbox')).body
    const older = (await t.api('GET', `/api/outbox?before=${encodeURIComponent(all[2].createdAt)}&limit=1`)).body
    expect(older.map((m: { id: string }) => m.id)).toEqual([all[1].id])
  })

  it('refuses a reviewer with 403: the links in it open customers’ requests', async () => {
    const rita = await t.people.as('rita', { groups: ['checker'] })
    expect((await rita('GET', '/api/outbox')).status).toBe(403)
  })
})
