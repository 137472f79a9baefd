/**
 * Agent tests: an engine on the in-memory store whose OpenAI-compatible
 * provider is a fake server on 127.0.0.1, and a `pay-refund` node type the
 * agent can call, counting what it ran.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { builtinNodeTypes } from '../../../../node-types/builtin/index.js'
import { createRegistry } from '../../../../node-types/registry.js'
import { defineNodeType } from '../../../../node-types/sdk/define-node-type.js'
import type { JsonObject } from '../../../../node-types/sdk/types.js'
import { composeEngine } from '../../../../runtime/compose.js'
import { fireDueTimers } from '../../../../runtime/engine/index.js'
import type { RunEvent } from '../../../../runtime/engine/events.js'
import { createLogger } from '../../../../runtime/log.js'
import { createMemoryStore } from '../../../../runtime/store/memory-store.js'
import { flow } from '../harness.js'

export const REFUND_TOOL = {
  name: 'refund_payment',
  description: 'Refund an amount of an order to the customer',
  kind: 'node-type',
  nodeType: 'pay-refund',
  parameters: {
    type: 'object',
    properties: { orderId: { type: 'string' }, amount: { type: 'number', minimum: 0 } },
    required: ['orderId', 'amount'],
    additionalProperties: false,
  },
}

export function agentFlow(agent: Record<string, unknown>) {
  return flow(
    'agent',
    [
      { id: 'start', type: 'start' },
      { id: 'agent', type: 'ai-agent', config: { instructions: 'You handle refunds.', prompt: 'Refund order {{ input.orderId }}', tools: [REFUND_TOOL], ...agent } },
      { id: 'done', type: 'end', config: { outcome: 'done' } },
      { id: 'limit', type: 'end', config: { outcome: 'limit' } },
      { id: 'error', type: 'end', config: { outcome: 'error' } },
    ],
    ['start.next->agent', 'agent.done->done', 'agent.limit->limit', 'agent.error->error'],
  )
}

export function createAgentEngine(baseUrl: string | undefined) {
  const refunds: { input: JsonObject; key: string }[] = []
  const payRefund = defineNodeType({
    type: 'pay-refund',
    version: 1,
    title: 'Pay refund',
    description: 'Pays a refund (test)',
    category: 'integration',
    icon: 'box',
    color: '#000000',
    outputs: ['done'],
    config: z.object({}),
    execute: (ctx, input) => {
      refunds.push({ input, key: ctx.idempotencyKey })
      return { port: 'done', data: { refunded: input.amount ?? null, refundId: `rf_${refunds.length}` } }
    },
  })
  const store = createMemoryStore()
  const env: Record<string, string> = baseUrl ? { INLOOP_OPENAI_BASE_URL: baseUrl, INLOOP_OPENAI_MODEL: 'fake-model', INLOOP_OPENAI_MAX_RETRIES: '0' } : {}
  const { engine } = composeEngine({
    store,
    secret: randomBytes(32),
    log: createLogger('silent'),
    clock: { now: () => new Date('2026-01-05T09:00:00.000Z') },
    registry: createRegistry([...builtinNodeTypes, payRefund]),
    env,
  })
  return {
    engine,
    store,
    refunds,
    async publish(f: { id: string }) {
      await store.flows.saveDraft(f.id, f as never, 'test')
      await store.flows.publish(f.id, 'test')
    },
    async start(agent: Record<string, unknown>, input: JsonObject = { orderId: 'A-17' }) {
      await this.publish(agentFlow(agent))
      const { runId } = await engine.startRun({ flowId: 'agent', input, requestedBy: 'requester' })
      return runId
    },
    /** Fire the agent's `continue` timers until it waits on a person or ends. */
    async settle(runId: string) {
      await fireDueTimers(engine)
      return (await store.runs.getRun(runId))!
    },
    async events(runId: string): Promise<RunEvent[]> {
      return (await store.runs.getEvents(runId)) ?? []
    },
  }
}
