/** `inloop validate <flow.json>`: every problem with its path, exit 1 if any. */
import { validateFlow } from '../../node-types/flow/validate.js'
import type { Io } from './main.js'
import { installedNodeTypes } from './node-types.js'
import { readJsonFile } from './read-json.js'

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const [file] = args
  if (!file) {
    io.err('usage: inloop validate <flow.json>')
    return 2
  }
  const document = await readJsonFile(file)
  const result = validateFlow(document, await installedNodeTypes(io))
  if (result.ok) {
    io.out(`${file}: flow '${result.flow.id}' is valid (${result.flow.nodes.length} nodes, ${result.flow.edges.length} edges)`)
    return 0
  }
  io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`)
  for (const p of result.problems) io.err(`  ${p.path}  [${p.code}]  ${p.message}`)
  return 1
}
