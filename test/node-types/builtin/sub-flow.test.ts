import { describe, expect, it } from 'vitest'
import { subFlow } from '../../../node-types/builtin/sub-flow.js'
import { createRegistry } from '../../../node-types/registry.js'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { validateFlow } from '../../../node-types/flow/validate.js'
import { findCallCycle } from '../../../node-types/flow/calls.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { resumeNode, runNode } from '../../../node-types/testing/index.js'
import { flow } from '../../helpers/flows.js'

const config = { flow: 'kyc', input: [{ name: 'name', value: 'input.vendor' }], outcomes: ['passed', 'refused'] }

describe('sub-flow', () => {
  it('asks for a child run of the latest version with the mapped input', async () => {
    const { result } = await runNode(subFlow, { config, ctx: { input: { vendor: 'Acme' } } })
    expect(result).toEqual({ wait: { child: { flowId: 'kyc', version: undefined, input: { name: 'Acme' } } } })
  })

  it('passes the data that reached it when no input fields are given, and pins a version', async () => {
    const { result } = await runNode(subFlow, { config: { flow: 'kyc', version: 3 }, input: { a: 1 } })
    expect(result).toEqual({ wait: { child: { flowId: 'kyc', version: 3, input: { a: 1 } } } })
  })

  it('has one port per outcome plus error', () => {
    expect(subFlow.portsFor(subFlow.config.parse(config))).toEqual(['passed', 'refused', 'error'])
  })

  it('leaves by the outcome’s port with the child’s output and run id', async () => {
    const { result } = await resumeNode(subFlow, { kind: 'child', runId: 'r_1', status: 'completed', outcome: 'passed', output: { score: 3 } }, { config })
    expect(result).toEqual({ port: 'passed', data: { runId: 'r_1', outcome: 'passed', output: { score: 3 } } })
  })

  it('leaves by error when the child failed', async () => {
    const { result } = await resumeNode(subFlow, { kind: 'child', runId: 'r_1', status: 'failed', error: { code: 'NODE_FAILED', message: 'boom' } }, { config })
    expect(result).toMatchObject({ port: 'error', data: { runId: 'r_1', status: 'failed', error: 'boom', code: 'NODE_FAILED' } })
  })

  it('refuses “error” as an outcome name', () => {
    expect(subFlow.check!(subFlow.config.parse({ flow: 'x', outcomes: ['error'] }))).toHaveLength(1)
  })
})

describe('sub-flow calls in the validator', () => {
  const registry = createRegistry(builtinNodeTypes)
  const caller = (id: string, callee: string) =>
    flow(id, [{ id: 'start', type: 'start' }, { id: 'call', type: 'sub-flow', config: { flow: callee } }, { id: 'end', type: 'end' }], ['start.next->call', 'call.done->end']) as unknown as Flow

  it('refuses a flow that calls itself', () => {
    const result = validateFlow(caller('loop', 'loop'), registry)
    expect(result.ok).toBe(false)
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'flow.calls-itself', path: '$.nodes[1].config' }))
  })

  it('finds a flow that calls itself through others', async () => {
    const flows: Record<string, Flow> = { b: caller('b', 'c'), c: caller('c', 'a') }
    const problems = await findCallCycle(caller('a', 'b'), registry, async (id) => flows[id])
    expect(problems).toEqual([expect.objectContaining({ code: 'flow.calls-itself', message: expect.stringContaining("'b' → 'c' → 'a'") })])
    expect(await findCallCycle(caller('a', 'b'), registry, async (id) => (id === 'b' ? caller('b', 'z') : undefined))).toEqual([])
  })
})
