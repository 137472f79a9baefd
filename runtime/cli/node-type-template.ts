/**
 * What `inloop new-node-type <name>` writes: a node type that reads a number
 * from the run with a CEL expression and leaves by `reached` or `below` a
 * limit — small, but it touches config defaults, ports, `ctx.evaluate`,
 * `ctx.log` and `ctx.now` — and its tests, one node and one whole flow.
 */

export interface TemplateNames {
  /** The type id and file name, kebab-case: `credit-check`. */
  type: string
  /** The exported constant: `creditCheck`. */
  constant: string
  /** The palette title: `Credit check`. */
  title: string
}

/** Names derived from a kebab-case type id. */
export function templateNames(type: string): TemplateNames {
  const constant = type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
  const words = type.split('-').join(' ')
  return { type, constant, title: words.charAt(0).toUpperCase() + words.slice(1) }
}

export function nodeTypeSource({ type, constant, title }: TemplateNames): string {
  return `/**
 * \`${type}\`: reads a number from the run and says whether it reaches a limit.
 * Made by \`inloop new-node-type ${type}\`: rename the ports, reshape the config
 * and rewrite \`execute\`. \`npm run dev\` reloads this file when you save it.
 */
import { z } from 'zod'
import { defineNodeType, expression } from 'inloop/node-types'

export const ${constant} = defineNodeType({
  type: '${type}',
  // Bump when the config changes shape, and add migrate(config, fromVersion) for flows saved before.
  version: 1,
  title: '${title}',
  description: 'Reads a number from the run and leaves by "reached" from a limit on, else by "below".',
  category: 'data',
  icon: 'sliders',
  color: '#6366f1',
  outputs: ['reached', 'below'],
  config: z.object({
    value: expression('Value', 'input.amount')
      .default('input.amount')
      .meta({ description: 'A CEL expression over input, nodes and params that gives a number' }),
    limit: z.number().default(100).meta({ title: 'Limit', description: 'From this number on, the run leaves by "reached"' }),
    label: z.string().min(1).default('amount').meta({ title: 'Label', description: 'What the value is called in the output and the log' }),
  }),
  expressions: (config) => [{ path: ['value'], source: config.value }],
  summary: (config) => \`\${config.label} ≥ \${config.limit}\`,
  execute: (ctx, _input, config) => {
    const value = Number(ctx.evaluate(config.value))
    if (Number.isNaN(value)) throw new Error(\`\${config.value} did not give a number\`)
    ctx.log.info(\`\${config.label} is \${value}\`, { limit: config.limit })
    const data = { [config.label]: value, limit: config.limit, checkedAt: ctx.now().toISOString() }
    return value >= config.limit ? { port: 'reached', data } : { port: 'below', data }
  },
})
`
}

export function nodeTypeTestSource({ type, constant }: TemplateNames): string {
  return `/** Tests for \`${type}\` with Inloop's test kit: no server, no database. */
import { describe, expect, it } from 'vitest'
import { runFlow, runNode } from 'inloop/testing'
import { ${constant} } from './${type}.js'

describe('${type}', () => {
  it('leaves by "reached" when the value reaches the limit', async () => {
    const { result } = await runNode(${constant}, { ctx: { input: { amount: 100 } } })
    expect(result).toMatchObject({ port: 'reached', data: { amount: 100, limit: 100 } })
  })

  it('leaves by "below" when the value is under the limit', async () => {
    const { result } = await runNode(${constant}, { config: { limit: 500 }, ctx: { input: { amount: 120 } } })
    expect(result).toMatchObject({ port: 'below', data: { amount: 120 } })
  })

  it('reads the value from earlier nodes when configured to', async () => {
    const { result } = await runNode(${constant}, {
      config: { value: 'nodes.score.value * 100.0', limit: 50, label: 'score' },
      ctx: { nodes: { score: { value: 0.75 } }, now: () => new Date('2026-01-05T09:00:00Z') },
    })
    expect(result).toEqual({ port: 'reached', data: { score: 75, limit: 50, checkedAt: '2026-01-05T09:00:00.000Z' } })
  })

  it('logs the value it checked', async () => {
    const { logs } = await runNode(${constant}, { ctx: { input: { amount: 7 } } })
    expect(logs).toEqual([{ level: 'info', message: 'amount is 7', fields: { limit: 100 } }])
  })

  it('fails clearly when the value is not a number', async () => {
    await expect(runNode(${constant}, { ctx: { input: { amount: 'lots' } } })).rejects.toThrow(/did not give a number/)
  })

  it('routes a whole flow by its ports', async () => {
    const node = (id: string, type: string, config = {}) => ({ id, type, typeVersion: 1, position: { x: 0, y: 0 }, config })
    const flow = {
      schemaVersion: 1,
      id: '${type}-demo',
      name: '${type} demo',
      input: { type: 'object', properties: { amount: { type: 'number' } } },
      nodes: [node('start', 'start'), node('check', '${type}'), node('big', 'end', { outcome: 'big' }), node('small', 'end', { outcome: 'small' })],
      edges: [
        { id: 'e1', source: 'start', sourcePort: 'next', target: 'check' },
        { id: 'e2', source: 'check', sourcePort: 'reached', target: 'big' },
        { id: 'e3', source: 'check', sourcePort: 'below', target: 'small' },
      ],
    }
    const run = await runFlow(flow, { input: { amount: 250 }, nodeTypes: [${constant}] })
    expect(run).toMatchObject({ status: 'completed', outcome: 'big' })
    expect(run.path.map((step) => step.nodeId)).toEqual(['start', 'check', 'big'])
    expect(run.state.outputs.check).toMatchObject({ amount: 250 })
  })
})
`
}
