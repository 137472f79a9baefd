import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { runNode } from '../../../node-types/testing/index.js'

const greet = defineNodeType({
  type: 'greet',
  version: 1,
  title: 'Greet',
  description: 'Says hello',
  category: 'data',
  icon: 'message',
  color: '#0ea5e9',
  outputs: ['done', 'skipped'],
  config: z.object({ greeting: z.string().default('Hello'), times: z.number().int().default(1) }),
  execute: (ctx, _input, config) => {
    const text: string = config.greeting.repeat(config.times)
    return ctx.input.name ? { port: 'done', data: { text } } : { port: 'skipped' }
  },
})

/** Compile-time promises of the SDK: these lines must NOT compile (checked by `npm run typecheck`). */
export function typeLevelChecks() {
  defineNodeType({
    type: 'bad-port',
    version: 1,
    title: 'Bad',
    description: '',
    category: 'data',
    icon: 'x',
    color: '#000',
    outputs: ['yes', 'no'],
    config: z.object({}),
    // @ts-expect-error 'maybe' is not one of the declared output ports
    execute: () => ({ port: 'maybe' }),
  })
  defineNodeType({
    type: 'bad-config',
    version: 1,
    title: 'Bad',
    description: '',
    category: 'data',
    icon: 'x',
    color: '#000',
    outputs: ['done'],
    config: z.object({ limit: z.number() }),
    execute: (_ctx, _input, config) => {
      // @ts-expect-error 'limt' is not a config field
      const misspelled = config.limt
      // @ts-expect-error 'limit' is a number, not a string
      const wrongType: string = config.limit
      return { port: 'done', data: { misspelled, wrongType } }
    },
  })
}

describe('defineNodeType', () => {
  it('fills config defaults from the schema before execute sees them', async () => {
    const { result } = await runNode(greet, { ctx: { input: { name: 'Ada' } } })
    expect(result).toEqual({ port: 'done', data: { text: 'Hello' } })
  })

  it('lists fixed ports whatever the config', () => {
    expect(greet.portsFor(greet.config.parse({}))).toEqual(['done', 'skipped'])
    expect(greet.inputs).toEqual(['in'])
  })

  it('refuses a type id that is not kebab-case', () => {
    expect(() => defineNodeType({ ...greet, type: 'Greet Me' })).toThrow(/kebab-case/)
  })

  it('refuses a version that is not a whole number from 1', () => {
    expect(() => defineNodeType({ ...greet, version: 0 })).toThrow(/version/)
  })

  it('tells the test author when a config does not fit the schema', async () => {
    await expect(runNode(greet, { config: { times: 'twice' } as never })).rejects.toThrow(/times/)
  })
})
