/**
 * The `ctx` a node's execute/resume receives: the run's data, the clock, AI,
 * secrets, HTTP and expression helpers — and nothing that reaches the engine.
 */
import { compileExpression } from '../../node-types/expr/cel.js'
import { renderTemplate } from '../../node-types/expr/template.js'
import type { NodeContext } from '../../node-types/sdk/types.js'
import type { EngineDeps } from './deps.js'
import type { RunState } from './state.js'

const noSecrets = { get: () => undefined }

export function createNodeContext(deps: EngineDeps, state: RunState, nodeId: string, exec: string): NodeContext {
  const scope = { input: state.input, nodes: state.outputs, params: state.params }
  const log = deps.log
  return {
    runId: state.id,
    flowId: state.flowId,
    flowVersion: state.flowVersion,
    input: state.input,
    nodes: state.outputs,
    params: state.params,
    nodeId,
    idempotencyKey: `${state.id}:${exec}`,
    now: () => deps.clock.now(),
    log: {
      info: (message, fields) => log.info(message, { runId: state.id, nodeId, ...fields }),
      warn: (message, fields) => log.warn(message, { runId: state.id, nodeId, ...fields }),
      error: (message, fields) => log.error(message, { runId: state.id, nodeId, ...fields }),
    },
    ai: deps.ai,
    secrets: deps.secrets ?? noSecrets,
    http: (url, init) => {
      if (!deps.http) throw new Error('this runtime has no HTTP client configured')
      return deps.http(url, init)
    },
    evaluate: (expression, extra) => compileExpression(expression)(extra ? { ...scope, ...extra } : scope),
    render: (template) => renderTemplate(template, scope),
  }
}
