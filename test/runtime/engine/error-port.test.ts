import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { runFlow } from '../../../runtime/testing/index.js'
import { flow } from '../../helpers/flows.js'

let calls = 0
/** Fails on its first call in a test, then works (an API that was down for a moment). */
const flaky = defineNodeType({
  type: 'flaky',
  version: 1,
  title: 'Flaky',
  description: 'Throws once, then answers.',
  category: 'integration',
  icon: 'globe',
  color: '#000000',
  outputs: ['ok', 'error'],
  optionalOutputs: ['error'],
  config: z.object({}),
  execute: () => {
    calls++
    if (calls === 1) throw Object.assign(new Error('the CRM did not answer'), { code: 'CRM_DOWN' })
    return { port: 'ok', data: { found: true } }
  },
})

const withErrorEdge = (connected: boolean) =>
  flow(
    'errs',
    [{ id: 'start', type: 'start' }, { id: 'lookup', type: 'flaky' }, { id: 'done', type: 'end' }, ...(connected ? [{ id: 'fallback', type: 'end', config: { outcome: 'manual', output: [{ name: 'why', value: 'nodes.lookup.error' }] } }] : [])],
    ['start.next->lookup', 'lookup.ok->done', ...(connected ? ['lookup.error->fallback'] : [])],
  )

describe('error port', () => {
  it('sends a step that threw to its error port with the message and code', async () => {
    calls = 0
    const run = await runFlow(withErrorEdge(true), { nodeTypes: [flaky] })
    expect(run).toMatchObject({ status: 'completed', outcome: 'manual', output: { why: 'the CRM did not answer' } })
    expect(run.state.outputs.lookup).toEqual({ error: 'the CRM did not answer', code: 'CRM_DOWN' })
  })

  it('fails the run when the error port is not connected, and a retry runs that step again', async () => {
    calls = 0
    const run = await runFlow(withErrorEdge(false), { nodeTypes: [flaky] })
    expect(run).toMatchObject({ status: 'failed', error: { code: 'CRM_DOWN', nodeId: 'lookup' } })
    const retried = await run.engine.retryRun(run.runId, 'olga')
    expect(retried).toMatchObject({ status: 'completed', outcome: 'done' })
  })
})
