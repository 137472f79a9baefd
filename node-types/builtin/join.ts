/**
 * `join`: waits for the branches one split started (a port connected to
 * several steps). `all` waits for every incoming branch, `any` for the first,
 * `count` for N; branches still running then are cancelled — their tasks
 * close, their customer links answer 410, their timers never fire. The
 * engine gathers the arrivals; this step merges what they brought.
 */
import { z } from 'zod'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { Json, JsonObject } from '../sdk/types.js'

export const join = defineNodeType({
  type: 'join',
  version: 1,
  title: 'Join',
  description: 'Waits for parallel branches: all of them, the first (any), or a number of them; cancels the rest.',
  category: 'flow',
  icon: 'merge',
  color: '#7c3aed',
  waits: true,
  outputs: ['next'],
  config: z.object({
    mode: z.enum(['all', 'any', 'count']).default('all').meta({ title: 'Wait for', description: 'all branches · the first (any) · a number of them (count)' }),
    count: z.number().int().min(1).max(100).optional().meta({ title: 'How many', description: 'With mode count: the branches to wait for' }),
  }),
  check: (config) => (config.mode === 'count' && config.count === undefined ? [{ path: ['count'], message: 'say how many branches to wait for' }] : []),
  gathers: (config) => (config.mode === 'all' ? 'all' : config.mode === 'any' ? 1 : config.count!),
  summary: (config) => (config.mode === 'count' ? `${config.count} branches` : `${config.mode} branches`),
  execute: (_ctx, input) => {
    const branches = Array.isArray(input.branches) ? (input.branches as JsonObject[]) : [input]
    // Later branches win on a shared field; every branch's data stays under `branches`.
    const merged: JsonObject = Object.assign({}, ...branches.filter((b) => b && typeof b === 'object' && !Array.isArray(b)))
    return { port: 'next', data: { ...merged, branches: branches as Json[] } }
  },
})
