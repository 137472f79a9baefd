/**
 * Replay one recorded case on a flow, the way the engine would have run it:
 * every step that only computes runs again (rules, ends, a changed AI step on
 * the local model), steps that reach outside take their recorded result, and
 * waits are answered by what people answered in the case. Nothing is stored,
 * sent or called. The result says where the case would have gone and how it
 * ends — or who would have to be asked, or why the record cannot tell.
 */
import { isDeepStrictEqual } from 'node:util'
import type { JsonObject, NodeResult, ResumeSignal, WaitResult } from '../../../node-types/sdk/types.js'
import { targetsOf, type CompiledNode } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'
import { answerWait, firstArrival, type Answered, type Unasked } from './answer-wait.js'
import { replayAi } from './replay-ai.js'
import type { ReplayPlan } from './replay-plan.js'
import { CannotTell, ReplayContext, recordedOutputs, replayContext, type ReplayRun } from './replay-run.js'

/** How a case ends: completed with an outcome, or failed. */
export interface Ending {
  status: 'completed' | 'failed'
  outcome?: string
}

export type CaseReplay = {
  /** Steps entered, in order (a step entered twice is listed twice). */
  entered: string[]
  /** `source\0port\0target` of every connection taken. */
  edges: string[]
  /** Waits answered by a person's recorded decision or a customer's answer. */
  asked: number
} & ({ kind: 'ended'; ending: Ending } | { kind: 'unasked'; nodeId: string; unasked: Unasked } | { kind: 'unknown'; nodeId?: string; reason: string })

const MAX_STEPS = 1000

interface Token {
  nodeId: string
  input: JsonObject
  /** The step whose output this is (none for the start). */
  from?: string
}

interface Parked {
  nodeId: string
  node: CompiledNode
  wait: WaitResult['wait']
  answered: Answered
}

const isThenable = (value: unknown): value is PromiseLike<NodeResult> => typeof (value as PromiseLike<unknown>)?.then === 'function'

/** When the recorded case was at a step: when its task or request was created, else when the run started. */
function recordedTimeAt(c: CaseRecord, nodeId: string): number {
  for (const t of c.tasks) if (t.nodeId === nodeId) return Date.parse(t.createdAt)
  for (const r of c.requests) if (r.nodeId === nodeId) return Date.parse(r.createdAt)
  return Date.parse(c.startedAt)
}

class Replayer {
  readonly run: ReplayRun
  readonly result: CaseReplay
  private readonly queue: Token[]
  private readonly parked: Parked[] = []
  private readonly visits = new Map<string, number>()
  private steps = 0

  constructor(
    private readonly plan: ReplayPlan,
    c: CaseRecord,
  ) {
    const { compiled, params } = plan.target(c)
    this.run = { c, compiled, recorded: plan.recorded(c), params, nodes: {}, visits: this.visits, ai: (run, nodeId, request) => replayAi(plan, run, nodeId, request) }
    this.result = { entered: [], edges: [], asked: 0, kind: 'unknown', reason: 'the replay did not finish' }
    this.queue = [{ nodeId: compiled.startId, input: c.input }]
  }

  async replay(): Promise<CaseReplay> {
    try {
      const ending = await this.drain()
      return Object.assign(this.result, { kind: 'ended', ending })
    } catch (error) {
      if (error instanceof Stop) return Object.assign(this.result, error.outcome)
      throw error
    }
  }

  /** Run queued steps; when only waits are left, answer the one that heard back first. */
  private async drain(): Promise<Ending> {
    for (;;) {
      while (this.queue.length > 0) {
        const ending = await this.step(this.queue.shift()!)
        if (ending) return ending
      }
      if (this.parked.length === 0) return { status: 'completed', outcome: 'done' }
      let next = 0
      for (let i = 1; i < this.parked.length; i++) if (firstArrival(this.parked[i].answered) < firstArrival(this.parked[next].answered)) next = i
      const [wait] = this.parked.splice(next, 1)
      const ending = await this.resume(wait)
      if (ending) return ending
    }
  }

  private async step(token: Token): Promise<Ending | undefined> {
    const { nodeId } = token
    if (++this.steps > MAX_STEPS) throw stop({ kind: 'unknown', nodeId, reason: `the tried flow runs more than ${MAX_STEPS} steps` })
    const node = this.run.compiled.nodes.get(nodeId)!
    const visit = (this.visits.get(nodeId) ?? 0) + 1
    this.visits.set(nodeId, visit)
    this.result.entered.push(nodeId)
    const at = recordedTimeAt(this.run.c, nodeId)
    let result: NodeResult
    try {
      result = node.def.replay === 'execute' ? await this.execute(node, token.input, at) : this.recordedResult(node, token, visit)
    } catch (error) {
      if (error instanceof CannotTell) throw stop({ kind: 'unknown', nodeId, reason: error.reason })
      this.checkHalted(nodeId)
      return { status: 'failed' }
    }
    this.checkHalted(nodeId)
    if ('wait' in result) {
      const answered = this.answer(node, result.wait, visit)
      this.parked.push({ nodeId, node, wait: result.wait, answered })
      return undefined
    }
    return this.leave(node, result)
  }

  private execute(node: CompiledNode, input: JsonObject, at: number): Promise<NodeResult> | NodeResult {
    // The recorded version's config when it is the same: the same objects make comparing requests cheap.
    const config = (this.plan.sameRecordedNode(this.run.compiled, this.run.recorded, node.node.id) ?? node).config
    const result = node.def.execute(replayContext(this.run, node.node.id, at), input, config)
    return isThenable(result) ? Promise.resolve(result) : result
  }

  /** A step asked what the record cannot answer, even if it caught the error itself. */
  private checkHalted(nodeId: string): void {
    if (this.run.halted) throw stop({ kind: 'unknown', nodeId, reason: this.run.halted.reason })
  }

  /** A step that reaches outside: its recorded result, if it would have been asked the same. */
  private recordedResult(node: CompiledNode, token: Token, visit: number): NodeResult {
    const { c } = this.run
    const id = node.node.id
    const recorded = c.visits[id]
    if (!recorded) throw new CannotTell(`step '${id}' (${node.def.type}) did not run in this case, and a replay does not call outside Inloop`)
    if (visit > 1) throw new CannotTell(`step '${id}' runs more than once, and a case records only its first run`)
    if (!this.plan.sameRecordedNode(this.run.compiled, this.run.recorded, id)) throw new CannotTell(`step '${id}' (${node.def.type}) is configured differently than when this case ran, and a replay does not call outside Inloop`)
    if (token.from !== undefined && !isDeepStrictEqual(token.input, c.visits[token.from]?.output)) throw new CannotTell(`step '${id}' (${node.def.type}) gets other data than in this case, and a replay does not call outside Inloop`)
    return { port: recorded.port, data: recorded.output }
  }

  /** The recorded answers to a wait, or a stop: who would have to be asked. */
  private answer(node: CompiledNode, wait: WaitResult['wait'], visit: number): Answered {
    const id = node.node.id
    if ((wait.task || wait.request) && visit > 1) throw stop({ kind: 'unknown', nodeId: id, reason: `step '${id}' asks a second time, and a case records only the first question` })
    const same = this.plan.sameRecordedNode(this.run.compiled, this.run.recorded, id)
    const before = same || !(wait.task || wait.request) ? undefined : this.recordedWait(id)
    const answered = answerWait(this.run.c, id, wait, before)
    if ('why' in answered) throw stop({ kind: 'unasked', nodeId: id, unasked: answered })
    return answered
  }

  /** The wait the recorded version opened at a step (run again over the recorded data). */
  private recordedWait(nodeId: string): WaitResult['wait'] | undefined {
    const node = this.run.recorded?.nodes.get(nodeId)
    if (!node || node.def.replay !== 'execute') return undefined
    const { c } = this.run
    const ctx = new ReplayContext(c, nodeId, c.input, recordedOutputs(c), c.params, recordedTimeAt(c, nodeId), { run: () => Promise.reject(new Error('no AI here')) })
    try {
      const result = node.def.execute(ctx, c.input, node.config)
      return !isThenable(result) && 'wait' in result ? result.wait : undefined
    } catch {
      return undefined
    }
  }

  /** Feed a parked wait its recorded signals until it leaves by a port. */
  private async resume(parked: Parked): Promise<Ending | undefined> {
    const { node, nodeId } = parked
    let state = parked.wait.state ?? {}
    if (parked.wait.task || parked.wait.request) this.result.asked++
    for (const { signal, at } of parked.answered) {
      let result: NodeResult
      try {
        if (!node.def.resume) throw new Error(`node type '${node.def.type}' waited but cannot resume`)
        const ctx = replayContext(this.run, nodeId, at)
        const out = node.def.resume(ctx, signal as ResumeSignal, node.config, state)
        result = isThenable(out) ? await out : out
      } catch (error) {
        if (error instanceof CannotTell) throw stop({ kind: 'unknown', nodeId, reason: error.reason })
        this.checkHalted(nodeId)
        return { status: 'failed' }
      }
      this.checkHalted(nodeId)
      if ('stay' in result) continue
      if ('wait' in result) {
        // A step that waits again after an answer: take up the new wait with the same record.
        state = result.wait.state ?? {}
        continue
      }
      return this.leave(node, result)
    }
    const who = parked.wait.task ? 'reviewer' : parked.wait.request ? 'customer' : undefined
    if (who) throw stop({ kind: 'unasked', nodeId, unasked: { who, role: parked.wait.task?.role, why: 'the recorded answer does not finish this step' } })
    throw stop({ kind: 'unknown', nodeId, reason: `step '${nodeId}' keeps waiting after all its timers fired` })
  }

  /** A step's result: end the case, or pass its output on along its port's connections. */
  private leave(node: CompiledNode, result: NodeResult): Ending | undefined {
    if ('end' in result) return { status: 'completed', outcome: result.end.outcome }
    if (!('port' in result) || !node.ports.has(result.port)) return { status: 'failed' }
    const id = node.node.id
    const data = result.data ?? {}
    this.run.nodes[id] = data
    const targets = targetsOf(this.run.compiled, id, result.port)
    if (targets.length === 0 && result.port === 'error') return { status: 'failed' }
    for (const target of targets) {
      this.result.edges.push(`${id}\u0000${result.port}\u0000${target}`)
      this.queue.push({ nodeId: target, input: data, from: id })
    }
    return undefined
  }
}

class Stop {
  constructor(readonly outcome: Partial<CaseReplay>) {}
}

const stop = (outcome: Partial<CaseReplay>) => new Stop(outcome)

/**
 * @example
 * const replayed = await replayCase(plan, record)
 * // → { kind: 'ended', ending: { status: 'completed', outcome: 'approved' }, entered: ['start', 'score', ...], edges: [...] }
 */
export function replayCase(plan: ReplayPlan, c: CaseRecord): Promise<CaseReplay> {
  return new Replayer(plan, c).replay()
}
