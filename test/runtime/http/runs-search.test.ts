import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { reviewFlow } from '../../helpers/flows.js'

describe('searching runs', () => {
  let t: TestServer
  let ada = ''
  let ben = ''
  beforeAll(async () => {
    t = await startTestServer()
    await publishFlow(t.api, reviewFlow('cases'))
    ada = await startRun(t.api, 'cases', { applicant: 'Ada Keller', amount: 8000 })
    ben = await startRun(t.api, 'cases', { applicant: 'Ben Ortiz', amount: 12000, address: { city: 'Zürich' } })
    await t.api('POST', '/api/flows/cases/test-runs', { input: { applicant: 'Ada Test' } })
  })
  afterAll(() => t.close())

  it('finds runs by a value of their input, nested values too, ignoring case', async () => {
    expect((await t.api('GET', '/api/runs?flowId=cases&q=ortiz')).body.map((r: { id: string }) => r.id)).toEqual([ben])
    expect((await t.api('GET', '/api/runs?flowId=cases&q=12000')).body.map((r: { id: string }) => r.id)).toEqual([ben])
    expect((await t.api('GET', '/api/runs?flowId=cases&q=z%C3%BCrich')).body.map((r: { id: string }) => r.id)).toEqual([ben])
  })

  it('finds a run by part of its id', async () => {
    expect((await t.api('GET', `/api/runs?q=${ada.slice(-6)}`)).body.map((r: { id: string }) => r.id)).toEqual([ada])
  })

  it('leaves out test runs when asked, and returns inputs when asked', async () => {
    const res = await t.api('GET', '/api/runs?flowId=cases&q=ada&test=false&include=input')
    expect(res.body).toEqual([expect.objectContaining({ id: ada, test: false, input: { applicant: 'Ada Keller', amount: 8000 } })])
    expect((await t.api('GET', '/api/runs?flowId=cases&test=true')).body).toHaveLength(1)
  })
})
