/** Node type versions: old flows keep running through `migrate`; a removed type is named as such. */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { validateFlow } from '../../../node-types/flow/validate.js'
import { createRegistry } from '../../../node-types/registry.js'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { composeEngine } from '../../../runtime/compose.js'
import { createLogger } from '../../../runtime/log.js'
import { createMemoryStore } from '../../../runtime/store/memory-store.js'
import { runFlow } from '../../../runtime/testing/index.js'
import { flow } from '../../helpers/flows.js'

const base = { type: 'greet', title: 'Greet', description: '', category: 'data', icon: 'message', color: '#000000', outputs: ['done'] } as const

const greetV1 = defineNodeType({
  ...base,
  version: 1,
  config: z.object({ greeting: z.string() }),
  execute: (ctx, _input, config) => ({ port: 'done', data: { text: `${config.greeting} ${String(ctx.input.name)}` } }),
})

const greetV2 = defineNodeType({
  ...base,
  version: 2,
  config: z.object({ salutation: z.string(), punctuation: z.string().default('!') }),
  migrate: (config, fromVersion) => (fromVersion === 1 ? { salutation: (config as { greeting: string }).greeting, punctuation: '.' } : config),
  execute: (ctx, _input, config) => ({ port: 'done', data: { text: `${config.salutation} ${String(ctx.input.name)}${config.punctuation}` } }),
})

const greetingFlow = flow(
  'greeting',
  [{ id: 'start', type: 'start' }, { id: 'greet', type: 'greet', config: { greeting: 'Hello' } }, { id: 'end', type: 'end' }],
  ['start.next->greet', 'greet.done->end'],
)

describe('node type versions', () => {
  it('run a published flow saved with version 1 on version 2, migrating its config', async () => {
    const store = createMemoryStore()
    const registry = createRegistry([...builtinNodeTypes, greetV1])
    const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('silent'), registry })
    await store.flows.saveDraft('greeting', greetingFlow as never, 'test')
    const version = await store.flows.publish('greeting', 'test')
    const before = await engine.startRun({ flowId: 'greeting', version, input: { name: 'Ada' } })
    expect(before.state.output).toEqual({ text: 'Hello Ada' })

    registry.replace(greetV2)
    engine.invalidateCompiled()
    const after = await engine.startRun({ flowId: 'greeting', version, input: { name: 'Ada' } })
    expect(after.state).toMatchObject({ status: 'completed', output: { text: 'Hello Ada.' } })
  })

  it('migrate old configs in flow test runs too', async () => {
    const run = await runFlow(greetingFlow, { input: { name: 'Ben' }, nodeTypes: [greetV2] })
    expect(run.output).toEqual({ text: 'Hello Ben.' })
  })

  it('report a migration that throws as a bad config, not a crash', () => {
    const fragile = defineNodeType({ ...greetV2, migrate: () => { throw new Error('version 1 configs are no longer supported') } })
    const result = validateFlow(greetingFlow, createRegistry([...builtinNodeTypes, fragile]))
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'node.bad-config', path: '$.nodes[1].config', message: expect.stringContaining('could not be migrated to version 2: version 1 configs are no longer supported') }),
    ])
  })

  it('say a flow uses a type that is no longer installed', () => {
    const registry = createRegistry([...builtinNodeTypes, greetV1])
    registry.remove('greet')
    const result = validateFlow(greetingFlow, registry)
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'node.unknown-type', message: expect.stringContaining("has type 'greet', which is not installed: no installed node type has that id") }),
    )
  })
})
