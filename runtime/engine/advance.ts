/**
 * Moving a run forward: execute nodes until the run ends or everything left
 * is waiting, turning each node's result (a port, a wait, an end) into events.
 */
import type { JsonObject, NodeResult, ResumeSignal } from '../../node-types/sdk/types.js'
import { targetsOf, type CompiledFlow } from './compile.js'
import type { EngineDeps } from './deps.js'
import { openChild } from './children.js'
import { arriveAtJoin } from './joins.js'
import { createNodeContext } from './node-context.js'
import type { RunTx } from './run-tx.js'
import type { OutboxMessage } from './store.js'

export interface Step {
  deps: EngineDeps
  compiled: CompiledFlow
  tx: RunTx
}

export interface Token {
  nodeId: string
  input: JsonObject
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status)
}

/** Execute queued nodes until the run ends or waits. */
export async function advance(step: Step, queue: Token[]): Promise<void> {
  const { tx, compiled, deps } = step
  while (queue.length > 0 && !isTerminal(tx.state.status)) {
    const { nodeId, input } = queue.shift()!
    const node = compiled.nodes.get(nodeId)!
    if (node.join) {
      await arriveAtJoin(step, node, input, queue)
      continue
    }
    const exec = `${nodeId}@${tx.state.lastSeq + 1}`
    tx.emit({ type: 'node.entered', nodeId, exec, input })
    let result: NodeResult
    try {
      result = await node.def.execute(createNodeContext(deps, tx.state, nodeId, exec), input, node.config)
    } catch (error) {
      const routed = errorPortResult(step, nodeId, error)
      if (!routed) return failRun(tx, nodeId, exec, error)
      result = routed
    }
    await applyResult(step, nodeId, exec, result, queue)
  }
  finishIfIdle(tx)
}

/** Deliver a decision, an answer or a timer to a waiting execution. */
export async function resumeWait(step: Step, exec: string, signal: ResumeSignal): Promise<void> {
  const { tx, compiled, deps } = step
  const wait = tx.state.waits[exec]
  if (!wait) return
  const node = compiled.nodes.get(wait.nodeId)!
  let result: NodeResult
  try {
    if (!node.def.resume) throw new Error(`node type '${node.def.type}' waited but cannot resume`)
    result = await node.def.resume(createNodeContext(deps, tx.state, wait.nodeId, exec), signal, node.config, wait.state)
  } catch (error) {
    const routed = errorPortResult(step, wait.nodeId, error)
    if (!routed) return failRun(tx, wait.nodeId, exec, error)
    result = routed
  }
  if ('stay' in result) {
    if (result.stay.remind) await sendReminders(step, exec)
    const reassign = result.stay.reassign
    if (reassign) {
      for (const task of openTasksOf(tx, exec)) tx.emit({ type: 'task.reassigned', taskId: task.id, role: reassign.role, reason: reassign.reason })
    }
    return
  }
  closeWait(tx, exec, 'superseded')
  const queue: Token[] = []
  await applyResult(step, wait.nodeId, exec, result, queue)
  await advance(step, queue)
}

export async function applyResult(step: Step, nodeId: string, exec: string, result: NodeResult, queue: Token[]): Promise<void> {
  const { tx, compiled } = step
  if ('port' in result) {
    const node = compiled.nodes.get(nodeId)!
    if (!node.ports.has(result.port)) {
      failRun(tx, nodeId, exec, new Error(`node '${nodeId}' left by port '${result.port}', which it does not have`))
      return
    }
    const output = result.data ?? {}
    tx.emit({ type: 'node.completed', nodeId, exec, port: result.port, output })
    const targets = targetsOf(compiled, nodeId, result.port)
    if (targets.length === 0 && result.port === 'error') {
      const message = typeof output.error === 'string' ? output.error : 'the step failed'
      tx.emit({ type: 'run.failed', nodeId, error: { code: 'NODE_ERROR', message: `${nodeId}: ${message}` } })
      return
    }
    for (const target of targets) queue.push({ nodeId: target, input: output })
  } else if ('end' in result) {
    tx.emit({ type: 'node.completed', nodeId, exec, port: 'end', output: result.end.output })
    for (const other of Object.keys(tx.state.waits)) closeWait(tx, other, 'cancelled')
    tx.emit({ type: 'run.completed', outcome: result.end.outcome, output: result.end.output })
  } else if ('wait' in result) {
    await openWait(step, nodeId, exec, result.wait)
  } else {
    failRun(tx, nodeId, exec, new Error(`node '${nodeId}' asked to keep waiting, but it was not waiting`))
  }
}

async function openWait(step: Step, nodeId: string, exec: string, wait: Extract<NodeResult, { wait: unknown }>['wait']): Promise<void> {
  const { tx, deps } = step
  tx.emit({ type: 'node.waiting', nodeId, exec, state: wait.state ?? {} })
  if (wait.task) {
    const t = wait.task
    tx.emit({
      type: 'task.created',
      taskId: deps.ids.next('t'),
      nodeId,
      exec,
      title: t.title,
      role: t.role,
      decisions: t.decisions,
      decisionLabels: t.decisionLabels,
      show: t.show ?? {},
      form: t.form ?? [],
      proposedDecision: t.proposedDecision,
      dueAt: t.dueAt,
      requiredApprovals: t.requiredApprovals ?? 1,
      approvalDecisions: t.approvalDecisions ?? [t.decisions[0]],
    })
  }
  if (wait.request) {
    const requestId = deps.ids.next('q')
    const binding = { runId: tx.state.id, requestId, expiresAt: wait.request.expiresAt }
    const token = await deps.links.tokenFor(binding)
    tx.emit({ type: 'customer.requested', requestId, nodeId, exec, tokenHash: await deps.links.hash(token), request: wait.request })
    // No link in the stored message: the token is re-derived when the message is read or delivered, so only its hash is stored.
    queueMessage(step, { requestId, to: wait.request.to, subject: wait.request.subject, body: wait.request.message, purpose: 'request' })
  }
  for (const timer of wait.timers ?? []) {
    tx.emit({ type: 'timer.scheduled', timerId: deps.ids.next('tm'), nodeId, exec, name: timer.name, fireAt: timer.at })
  }
  if (wait.child) openChild(step, nodeId, exec, wait.child)
}

async function sendReminders(step: Step, exec: string): Promise<void> {
  const { tx } = step
  for (const request of Object.values(tx.state.requests)) {
    if (request.exec !== exec || request.status !== 'open') continue
    const subject = `Reminder: ${request.request.subject}`
    queueMessage(step, { requestId: request.id, to: request.request.to, subject, body: request.request.message, purpose: 'reminder' })
  }
  for (const task of openTasksOf(tx, exec)) {
    const subject = `Reminder: “${task.title}” is due`
    queueMessage(step, { taskId: task.id, to: `role:${task.role}`, subject, body: `The task “${task.title}” is waiting for a decision.`, purpose: 'reminder' })
  }
}

interface MessageDraft {
  requestId?: string
  taskId?: string
  to: string
  subject: string
  body: string
  purpose: 'request' | 'reminder' | 'notice'
}

/** Outbox messages are written in the same commit as the events (transactional outbox). */
function queueMessage(step: Step, draft: MessageDraft): void {
  const { tx, deps } = step
  const id = deps.ids.next('m')
  const message: OutboxMessage = { id, runId: tx.state.id, channel: 'outbox', createdAt: deps.clock.now().toISOString(), ...draft }
  tx.messages.push(message)
  // Which channels owe a delivery is fixed now, in the same commit, so a restart neither loses nor invents one.
  const deliverTo = deps.channelsFor?.(message, tx.state) ?? []
  tx.emit({
    type: 'message.sent',
    messageId: id,
    requestId: draft.requestId,
    taskId: draft.taskId,
    channel: 'outbox',
    to: draft.to,
    subject: draft.subject,
    purpose: draft.purpose,
    ...(deliverTo.length > 0 ? { deliverTo } : {}),
  })
}

function openTasksOf(tx: RunTx, exec: string) {
  return Object.values(tx.state.tasks).filter((t) => t.exec === exec && t.status === 'open')
}

/** Close what a wait left open: its task, its customer link, its timers. */
export function closeWait(tx: RunTx, exec: string, reason: 'superseded' | 'cancelled'): void {
  for (const task of openTasksOf(tx, exec)) tx.emit({ type: 'task.closed', taskId: task.id, reason })
  for (const request of Object.values(tx.state.requests)) {
    if (request.exec === exec && request.status === 'open') tx.emit({ type: 'customer.closed', requestId: request.id, reason })
  }
  for (const timer of Object.values(tx.state.timers)) {
    if (timer.exec === exec && timer.status === 'pending') tx.emit({ type: 'timer.cancelled', timerId: timer.id })
  }
  for (const child of Object.values(tx.state.children ?? {})) {
    if (child.exec === exec && child.status === 'running') tx.emit({ type: 'child.closed', childRunId: child.id, reason })
  }
}

/**
 * A step that threw leaves by its `error` port when that port is connected,
 * carrying `{ error, code }`; otherwise the run fails (and may be retried
 * from that step).
 */
export function errorPortResult(step: Step, nodeId: string, error: unknown): NodeResult | undefined {
  const node = step.compiled.nodes.get(nodeId)!
  if (!node.ports.has('error') || targetsOf(step.compiled, nodeId, 'error').length === 0) return undefined
  const message = error instanceof Error ? error.message : String(error)
  const code = typeof (error as { code?: unknown })?.code === 'string' ? String((error as { code: string }).code) : 'NODE_FAILED'
  return { port: 'error', data: { error: message, code } }
}

export function failRun(tx: RunTx, nodeId: string, exec: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  const code = typeof (error as { code?: unknown })?.code === 'string' ? String((error as { code: string }).code) : 'NODE_FAILED'
  tx.emit({ type: 'node.failed', nodeId, exec, error: { code, message } })
  for (const other of Object.keys(tx.state.waits)) closeWait(tx, other, 'cancelled')
  tx.emit({ type: 'run.failed', nodeId, error: { code, message: `${nodeId}: ${message}` } })
}

/** A run with nothing active and nothing waiting is done, even without an end node. */
function finishIfIdle(tx: RunTx): void {
  if (isTerminal(tx.state.status)) return
  for (const _ in tx.state.active) return
  tx.emit({ type: 'run.completed', outcome: 'done', output: {} })
}
