/**
 * An agent's approved tool call survives SIGKILL: the real server as a child
 * process on a lowdb folder, a fake model and a refund service on
 * 127.0.0.1. Killed after the approval was stored and before the refund was
 * paid, the restarted server pays it exactly once and does not ask the model
 * again for the turn it had recorded.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, waitForRunStatus } from '../../helpers/api.js'
import { spawnServer, type ChildServer } from '../../helpers/child-server.js'
import { flow } from '../../helpers/flows.js'
import { people } from '../../helpers/people.js'
import { tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'
import { completion, startFakeOpenAi, toolCalls, type FakeOpenAi } from '../ai/openai/fake-openai.js'

/** A tool that pays through the refund service; while `hangFile` exists it removes it and hangs (the process dies here). */
const PAY_REFUND = `import { existsSync, rmSync } from 'node:fs'
import { z } from 'zod'
import { defineNodeType } from 'inloop/node-types'

export const payRefund = defineNodeType({
  type: 'pay-refund',
  version: 1,
  title: 'Pay refund',
  description: 'Pays a refund through the refund service',
  category: 'integration',
  icon: 'box',
  color: '#0ea5e9',
  retrySafe: false,
  outputs: ['done'],
  config: z.object({ url: z.string(), hangFile: z.string() }),
  execute: async (ctx, input, config) => {
    if (existsSync(config.hangFile)) {
      rmSync(config.hangFile)
      await new Promise(() => {})
    }
    const res = await fetch(config.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey }, body: JSON.stringify(input) })
    return { port: 'done', data: await res.json() }
  },
})
`

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('an agent killed between approval and tool execution', { timeout: 120_000 }, () => {
  let fake: FakeOpenAi
  let refundService: Server
  let refundUrl: string
  const paid: { key: string | undefined; body: unknown }[] = []
  let types: TempNodeTypes
  let dataDir: string
  const children: ChildServer[] = []

  beforeAll(async () => {
    fake = await startFakeOpenAi()
    refundService = createServer((req, res) => {
      let text = ''
      req.on('data', (c) => (text += c))
      req.on('end', () => {
        paid.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) })
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ refundId: `rf_${paid.length}` }))
      })
    })
    await new Promise<void>((done) => refundService.listen(0, '127.0.0.1', done))
    refundUrl = `http://127.0.0.1:${(refundService.address() as AddressInfo).port}/refunds`
    types = tempNodeTypes('agent-tools-')
    types.write('pay-refund.ts', PAY_REFUND)
    dataDir = mkdtempSync(join(tmpdir(), 'inloop-agent-restart-'))
  })
  afterAll(async () => {
    for (const child of children.splice(0)) await child.kill('SIGKILL')
    await fake.close()
    refundService.closeAllConnections()
    await new Promise((done) => refundService.close(done))
    types.cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('pays the approved refund exactly once after the restart and does not ask the model again', async () => {
    const env = { INLOOP_OPENAI_BASE_URL: fake.baseUrl, INLOOP_OPENAI_MODEL: 'fake-model', INLOOP_NODE_TYPES: types.dir }
    const serve = async () => {
      const child = await spawnServer({ dataDir, env })
      children.push(child)
      return child
    }
    fake.script(toolCalls({ name: 'refund_payment', args: { orderId: 'A-17', amount: 80 } }), completion('Refunded 80.'))
    const hangFile = join(types.dir, 'hang-once')
    const agentFlow = flow(
      'refunds',
      [
        { id: 'start', type: 'start' },
        {
          id: 'agent',
          type: 'ai-agent',
          config: {
            instructions: 'You handle refunds.',
            prompt: 'Refund order {{ input.orderId }}',
            tools: [
              {
                name: 'refund_payment',
                description: 'Refund an order',
                kind: 'node-type',
                nodeType: 'pay-refund',
                config: { url: refundUrl, hangFile },
                parameters: { type: 'object', properties: { orderId: { type: 'string' }, amount: { type: 'number' } }, required: ['orderId', 'amount'] },
                approval: { mode: 'when', when: 'args.amount > 50', role: 'refunds' },
              },
            ],
          },
        },
        { id: 'done', type: 'end', config: { outcome: 'refunded' } },
        { id: 'limit', type: 'end', config: { outcome: 'limit' } },
      ],
      ['start.next->agent', 'agent.done->done', 'agent.limit->limit'],
    )

    const first = await serve()
    const olga = await people(first.url, first.api).as('olga', { groups: ['refunds'] })
    await publishFlow(first.api, agentFlow)
    const runId = await startRun(first.api, 'refunds', { orderId: 'A-17' })
    let taskId = ''
    await waitFor('the approval task', async () => {
      taskId = (await openTasks(first.api, runId))[0]?.id ?? ''
      return taskId !== ''
    })
    writeFileSync(hangFile, '')
    const decided = await olga('POST', `/api/tasks/${taskId}/decision`, { decision: 'approve', data: { amount: 60 } })
    expect(decided.status, decided.text).toBe(200)
    // The tool has started (it removed the file) and hangs before paying: the approval is stored, the refund is not.
    await waitFor('the tool to start', () => !existsSync(hangFile))
    await first.kill('SIGKILL')
    expect(paid).toEqual([])
    expect(fake.requests).toHaveLength(1)

    const second = await serve()
    const run = await waitForRunStatus(second.api, runId, ['completed', 'failed'], 20_000)
    expect(run).toMatchObject({ status: 'completed', outcome: 'refunded' })
    expect(paid).toEqual([{ key: expect.stringContaining(runId), body: { orderId: 'A-17', amount: 60 } }])
    // The turn recorded before the crash was not asked again: one turn before, the final one after.
    expect(fake.requests).toHaveLength(2)
    const log: { type: string; state?: { last?: { kind: string } } }[] = (await second.api('GET', `/api/runs/${runId}/events`)).body
    const kinds = log.flatMap((e) => (e.type === 'node.waiting' ? [e.state!.last!.kind] : []))
    expect(kinds).toEqual(['started', 'model-turn', 'tool-call', 'approval', 'tool-result'])
  })
})
