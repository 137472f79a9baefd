/** The example `crm-lookup` node type against a real HTTP server on 127.0.0.1. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { crmLookup } from '../../../examples/custom-node-types/crm-lookup.js'
import type { NodeContext } from '../../../node-types/sdk/types.js'
import { runNode } from '../../../runtime/testing/index.js'
import { startFakeCrm, type FakeCrm } from '../../helpers/fake-crm.js'

const ada = { id: 'c-1', name: 'Ada Keller', email: 'ada@example.com', tier: 'gold', openBalance: 0 }

/** `ctx.http` as the runtime gives it: fetch with a timeout. */
const http: NodeContext['http'] = (url, init = {}) =>
  fetch(url, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) })

describe('crm-lookup', () => {
  let crm: FakeCrm
  beforeAll(async () => {
    crm = await startFakeCrm([ada])
  })
  afterAll(() => crm.close())
  beforeEach(() => {
    crm.requests.length = 0
    crm.script.length = 0
  })

  const lookup = (email: string, config: Record<string, unknown> = {}, secrets: Record<string, string> = {}) =>
    runNode(crmLookup, {
      config: { baseUrl: crm.url, backoffMs: 1, ...config },
      ctx: { input: { email }, http, idempotencyKey: 'run-1:lookup', secrets: { get: (name) => secrets[name] } },
    })

  it('leaves by found with the customer the CRM returns', async () => {
    const { result } = await lookup('ada@example.com')
    expect(result).toEqual({ port: 'found', data: { customer: ada, attempts: 1 } })
  })

  it('sends the idempotency key and the API key from the secrets', async () => {
    await lookup('ada@example.com', {}, { 'crm-api-key': 'k-123' })
    expect(crm.requests[0].url).toBe('/customers?email=ada%40example.com')
    expect(crm.requests[0].headers).toMatchObject({ 'idempotency-key': 'run-1:lookup', authorization: 'Bearer k-123' })
  })

  it('leaves by not-found when the CRM answers 404', async () => {
    const { result } = await lookup('nobody@example.com')
    expect(result).toEqual({ port: 'not-found', data: { email: 'nobody@example.com', attempts: 1 } })
  })

  it('retries after a 500 and finds the customer on the second attempt, with the same idempotency key', async () => {
    crm.script.push({ status: 500 })
    const { result, logs } = await lookup('ada@example.com')
    expect(result).toEqual({ port: 'found', data: { customer: ada, attempts: 2 } })
    expect(crm.requests.map((r) => r.headers['idempotency-key'])).toEqual(['run-1:lookup', 'run-1:lookup'])
    expect(logs).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('HTTP 500') })])
  })

  it('retries after a 429, waiting as long as Retry-After asks', async () => {
    crm.script.push({ status: 429, headers: { 'retry-after': '0.2' } })
    const started = Date.now()
    const { result } = await lookup('ada@example.com')
    expect(result).toMatchObject({ port: 'found', data: { attempts: 2 } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('leaves by error when every attempt times out', async () => {
    crm.script.push({ status: 200, body: ada, delayMs: 1_000 }, { status: 200, body: ada, delayMs: 1_000 })
    const { result } = await lookup('ada@example.com', { timeoutMs: 100, retries: 1 })
    expect(result).toEqual({ port: 'error', data: { error: 'the CRM did not answer after 2 attempts: no answer within 100 ms', status: null, attempts: 2 } })
  })

  it('does not retry a refusal such as 401', async () => {
    crm.script.push({ status: 401 })
    const { result } = await lookup('ada@example.com')
    expect(result).toEqual({ port: 'error', data: { error: 'the CRM refused the lookup (HTTP 401)', status: 401, attempts: 1 } })
    expect(crm.requests).toHaveLength(1)
  })

  it('leaves by error when the CRM answers with a body that is not a customer', async () => {
    crm.script.push({ status: 200, body: { id: 7 } })
    const { result } = await lookup('ada@example.com')
    expect(result).toMatchObject({ port: 'error', data: { status: 200, error: expect.stringContaining('unexpected body') } })
  })

  it('takes the CRM URL from the crm-base-url secret when the node has none', async () => {
    const { result } = await lookup('ada@example.com', { baseUrl: '' }, { 'crm-base-url': `${crm.url}/` })
    expect(result).toMatchObject({ port: 'found' })
  })

  it('leaves by error, without calling anything, when no CRM URL is configured', async () => {
    const { result } = await lookup('ada@example.com', { baseUrl: '' })
    expect(result).toMatchObject({ port: 'error', data: { attempts: 0, error: expect.stringContaining('no CRM URL') } })
    expect(crm.requests).toHaveLength(0)
  })
})
