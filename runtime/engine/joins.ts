/**
 * Joins at run time: a branch reaching a join either opens its wait (the
 * first) or is added to it (`join.arrived`). When enough are in, the join's
 * `execute` merges them, the steps of branches still under way are stopped
 * (`node.cancelled`; their tasks close, links answer 410, timers never fire)
 * and tokens of those branches still queued in this step are dropped.
 */
import type { JsonObject, NodeResult } from '../../node-types/sdk/types.js'
import { applyResult, closeWait, errorPortResult, failRun, type Step, type Token } from './advance.js'
import type { CompiledNode } from './compile.js'
import { createNodeContext } from './node-context.js'

export async function arriveAtJoin(step: Step, node: CompiledNode, input: JsonObject, queue: Token[]): Promise<void> {
  const { tx, deps } = step
  const nodeId = node.node.id
  let exec: string | undefined
  for (const wait of Object.values(tx.state.waits)) if (wait.nodeId === nodeId) exec = wait.exec
  if (exec === undefined) {
    exec = `${nodeId}@${tx.state.lastSeq + 1}`
    tx.emit({ type: 'node.entered', nodeId, exec, input })
    tx.emit({ type: 'node.waiting', nodeId, exec, state: { arrived: [input] } })
  } else {
    tx.emit({ type: 'join.arrived', nodeId, exec, input })
  }
  const arrived = tx.state.waits[exec].state.arrived as JsonObject[]
  if (arrived.length < node.join!.expected) return
  let result: NodeResult
  try {
    result = await node.def.execute(createNodeContext(deps, tx.state, nodeId, exec), { branches: arrived }, node.config)
  } catch (error) {
    const routed = errorPortResult(step, nodeId, error)
    if (!routed) return failRun(tx, nodeId, exec, error)
    result = routed
  }
  stopBranches(step, node, exec, queue)
  await applyResult(step, nodeId, exec, result, queue)
}

/** Stop what the branches still have under way: waits closed as cancelled, queued tokens dropped. */
function stopBranches(step: Step, node: CompiledNode, joinExec: string, queue: Token[]): void {
  const { tx } = step
  const nodeId = node.node.id
  const branch = node.join!.branch
  for (const [exec, active] of Object.entries(tx.state.active)) {
    if (exec === joinExec || !branch.has(active.nodeId)) continue
    closeWait(tx, exec, 'cancelled')
    tx.emit({ type: 'node.cancelled', nodeId: active.nodeId, exec, by: nodeId })
  }
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i].nodeId === nodeId || branch.has(queue[i].nodeId)) queue.splice(i, 1)
}
