/** Custom node types reach stored credentials through `ctx.credentials`; a missing one fails the step with a clear code. */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { runFlow } from '../../../runtime/testing/index.js'
import { flow } from '../../helpers/flows.js'

const signs = defineNodeType({
  type: 'sign-payload',
  version: 1,
  title: 'Sign payload',
  description: 'Tells whether a signing key is there, without showing it',
  category: 'integration',
  icon: 'key',
  color: '#000000',
  outputs: ['done'],
  config: z.object({ credential: z.string() }),
  execute: async (ctx, _input, config) => {
    const credential = await ctx.credentials.get(config.credential)
    return { port: 'done', data: { kind: credential.kind, keyLength: credential.kind === 'hmac' ? credential.key.length : 0 } }
  },
})

const signing = (credential: string) =>
  flow('signing', [{ id: 'start', type: 'start' }, { id: 'sign', type: 'sign-payload', config: { credential } }, { id: 'end', type: 'end', config: { outcome: 'signed' } }], ['start.next->sign', 'sign.done->end'])

describe('ctx.credentials', () => {
  it('hands a custom node type the stored credential it names', async () => {
    const run = await runFlow(signing('webhook-key'), { nodeTypes: [signs], credentials: { 'webhook-key': { kind: 'hmac', key: 'k'.repeat(32) } } })
    expect(run).toMatchObject({ status: 'completed', output: { kind: 'hmac', keyLength: 32 } })
    expect(JSON.stringify(run.events)).not.toContain('k'.repeat(32))
  })

  it('fails the step with CREDENTIAL_NOT_FOUND when no credential has the name', async () => {
    const run = await runFlow(signing('nope'), { nodeTypes: [signs] })
    expect(run.status).toBe('failed')
    expect(run.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' })
    expect(run.error?.message).toMatch(/no stored credential 'nope'/)
  })
})
