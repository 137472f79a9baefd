/**
 * `inloop run <flow.json> --input <json|@file>`: run a flow once in memory.
 * Exit 0 when it completes, 1 when it fails, 3 when it waits on someone.
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { composeEngine } from '../compose.js'
import { createLogger } from '../log.js'
import { createMemoryStore } from '../store/memory-store.js'
import type { Io } from './main.js'
import { installedNodeTypes } from './node-types.js'
import { readJsonArgument, readJsonFile } from './read-json.js'

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { input: { type: 'string', default: '{}' } } })
  const [file] = positionals
  if (!file) {
    io.err('usage: inloop run <flow.json> --input <json|@file>')
    return 2
  }
  const flow = (await readJsonFile(file)) as { id?: unknown }
  const input = await readJsonArgument(values.input!)
  const store = createMemoryStore()
  const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('warn'), registry: await installedNodeTypes(io) })
  const flowId = typeof flow.id === 'string' ? flow.id : 'flow'
  const { state } = await engine.startRun({ flowId, input, draft: await checked(flow, engine), requestedBy: 'cli' })
  io.out(`run ${state.id}: ${state.status}${state.outcome ? ` (${state.outcome})` : ''}`)
  if (state.output) io.out(JSON.stringify(state.output, null, 2))
  if (state.error) io.err(`error: ${state.error.message}`)
  for (const task of Object.values(state.tasks).filter((t) => t.status === 'open')) {
    io.out(`waiting on task ${task.id} for role '${task.role}': ${task.title} — decisions: ${task.decisions.join(', ')}`)
  }
  for (const request of Object.values(state.requests).filter((r) => r.status === 'open')) {
    io.out(`waiting on customer ${request.request.to}: ${request.request.subject} — answers: ${request.request.answers.join(', ')}`)
  }
  for (const timer of Object.values(state.timers).filter((t) => t.status === 'pending' && t.name === 'wake')) {
    io.out(`waiting until ${timer.fireAt} (node ${timer.nodeId})`)
  }
  await store.close()
  return state.status === 'completed' ? 0 : state.status === 'waiting' ? 3 : 1
}

async function checked(flow: unknown, engine: ReturnType<typeof composeEngine>['engine']) {
  const { validateFlow } = await import('../../node-types/flow/validate.js')
  const result = validateFlow(flow, engine.deps.registry)
  if (!result.ok) throw new Error(`the flow has problems:\n${result.problems.map((p) => `  ${p.path}  ${p.message}`).join('\n')}`)
  return result.flow
}
