/** `start`: where every run begins. It hands the run's input to the next step. */
import { z } from 'zod'
import { defineNodeType } from '../sdk/define-node-type.js'

export const start = defineNodeType({
  type: 'start',
  version: 1,
  title: 'Start',
  description: 'Where a run begins. The flow’s input schema says what a run starts with.',
  category: 'flow',
  icon: 'play',
  color: '#16a34a',
  replay: 'execute',
  inputs: [],
  outputs: ['next'],
  config: z.object({}),
  summary: () => 'run input',
  execute: (ctx) => ({ port: 'next', data: ctx.input }),
})
