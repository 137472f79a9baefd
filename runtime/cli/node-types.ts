/**
 * The node types the CLI validates and runs with: the same as the server's
 * (built-ins, `node-types/custom/` or `INLOOP_NODE_TYPES`, the examples'
 * types and packages listed in `package.json`). What failed to load is
 * printed, and does not stop the command.
 */
import type { NodeTypeRegistry } from '../../node-types/registry.js'
import { createLogger } from '../log.js'
import { loadNodeTypes, nodeTypeDirs } from '../node-types/load-node-types.js'
import type { Io } from './main.js'

/**
 * Load the installed node types; print their problems on `io.err`.
 *
 * @example
 * const registry = await installedNodeTypes(io)
 * validateFlow(flow, registry)
 */
export async function installedNodeTypes(io: Io): Promise<NodeTypeRegistry> {
  const catalog = await loadNodeTypes({ dirs: nodeTypeDirs({ examples: true }), log: createLogger('silent') })
  for (const problem of catalog.problems()) io.err(`node type problem: ${problem.message}`)
  return catalog.registry
}
