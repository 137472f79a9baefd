/**
 * The contract between a node type and the engine that runs it.
 *
 * Everything here is plain data or a plain function: a node returns which port
 * it leaves by, or a wait (as data) that the engine persists and resumes later.
 * Nothing in a node type can reach into the engine or the store.
 */
import type { z } from 'zod'
import type { RenderOptions } from '../expr/template.js'
import type { ChatReply, ChatRequest } from './chat.js'

/** JSON values: the only thing that crosses the node boundary. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** Categories group the palette. */
export type NodeCategory = 'flow' | 'ai' | 'logic' | 'people' | 'integration' | 'data'

/** A node left through `port`, carrying `data` to the nodes after it. */
export interface PortResult<P extends string = string> {
  port: P
  data?: JsonObject
}

/** A person reviews something in the shared inbox. */
export interface TaskSpec {
  title: string
  /** Role or reviewer group whose members may decide, e.g. `credit-officer`. */
  role: string
  /** Names of the possible decisions; each is also an output port. */
  decisions: string[]
  /** Button label per decision name, as the flow's designer wrote it. */
  decisionLabels?: Record<string, string>
  /** What the reviewer sees: the AI proposal and the inputs it saw. */
  show?: JsonObject
  /** Fields the reviewer may correct, with their current values. */
  form?: TaskField[]
  /** Which decision means "agree with the AI", so overriding it needs a reason. */
  proposedDecision?: string
  /** Absolute ISO time the task is due. */
  dueAt?: string
  /** Distinct people who must agree (four eyes: 2). */
  requiredApprovals?: number
  /** Decisions that need `requiredApprovals` people; others take effect at once. Default: the first decision. */
  approvalDecisions?: string[]
}

export interface TaskField {
  name: string
  label: string
  type: 'string' | 'number' | 'boolean' | 'date'
  value?: Json
}

/** A customer answers from a signed link. */
export interface CustomerRequestSpec {
  to: string
  subject: string
  message: string
  /** Names of the answers (confirm, reject, pick, rate, ...); each is a port. */
  answers: string[]
  kind: 'confirm' | 'choose' | 'fill' | 'rate'
  options?: { value: string; label: string }[]
  fields?: TaskField[]
  expiresAt: string
  /** Absolute ISO times at which a reminder goes out if still unanswered. */
  remindAt?: string[]
}

/** A named timer the engine fires once, at an absolute time, even after a restart. */
export interface TimerSpec {
  name: string
  at: string
}

/**
 * Another published flow run as a child of this run (a sub-flow). The engine
 * starts it after this step commits and resumes the node with a `child`
 * signal when the child ends; cancelling this run cancels the child.
 */
export interface ChildRunSpec {
  flowId: string
  /** A published version; absent: the latest one when the child starts. */
  version?: number
  input: JsonObject
}

/**
 * A node that needs the outside world returns this instead of a port. The
 * engine stores it; `resume` is called when something arrives.
 */
export interface WaitResult {
  wait: {
    task?: TaskSpec
    request?: CustomerRequestSpec
    timers?: TimerSpec[]
    /** Start a child run and wait for its end. */
    child?: ChildRunSpec
    /** Node-private state handed back on resume (e.g. approvals so far). */
    state?: JsonObject
  }
}

/** The run ends here with an outcome (what an `end` node returns). */
export interface EndResult {
  end: { outcome: string; output: JsonObject }
}

/**
 * Keep the current wait (same task, same customer link) after a timer, and
 * optionally remind the customer or hand the task to another role.
 */
export interface StayResult {
  stay: { remind?: boolean; reassign?: { role: string; reason: string } }
}

export type NodeResult<P extends string = string> = PortResult<P> | WaitResult | EndResult | StayResult

/** What arrived for a waiting node. */
export type ResumeSignal =
  | {
      kind: 'decision'
      taskId: string
      decision: string
      data: JsonObject
      reason?: string
      by: string
      /** Decisions already recorded on this wait, oldest first (four eyes). */
      earlier: { decision: string; by: string }[]
    }
  | { kind: 'answer'; requestId: string; answer: string; data: JsonObject }
  | { kind: 'timer'; name: string }
  | {
      kind: 'child'
      runId: string
      status: 'completed' | 'failed' | 'cancelled'
      outcome?: string
      output?: JsonObject
      error?: { code: string; message: string }
    }

export interface Logger {
  info(message: string, fields?: JsonObject): void
  warn(message: string, fields?: JsonObject): void
  error(message: string, fields?: JsonObject): void
}

/** Outputs of AI tasks. Every answer names the model version that produced it. */
export interface AiAnswer {
  label?: string
  value?: Json
  confidence: number
  model: string
  modelVersion: string
  /** Probability per label, where the task has labels. */
  scores?: Record<string, number>
}

export interface AiRequest {
  task: 'classify' | 'extract' | 'score' | 'draft'
  text: string
  labels?: string[]
  examples?: { text: string; label: string }[]
  extract?: string[]
  prompt?: string
  outputSchema?: JsonObject
  provider: string
  options?: JsonObject
  /** Where the request comes from, so the runtime can add reviewed examples and redact personal fields. */
  origin?: { flowId: string; flowVersion: number; runId: string; nodeId: string; input: JsonObject }
  /** Reviewed past cases to show a hosted model: the most similar `fewShot` (a number) on request, filled by the runtime. */
  fewShot?: number | FewShotExample[]
}

/** A past case a person reviewed: what the model saw and the answer the person settled on. */
export interface FewShotExample {
  text: string
  answer: { label?: string; value?: Json }
  /** Fields the reviewer corrected: name → { from, to }. */
  corrections: Record<string, { from: Json; to: Json }>
}

export interface AiService {
  run(request: AiRequest): Promise<AiAnswer>
  /** One model turn with tools (Chat Completions format); providers that cannot call tools refuse. */
  chat?(request: ChatRequest): Promise<ChatReply>
}

export interface HttpRequestInit {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** Milliseconds before the request is aborted; default 10 000. */
  timeoutMs?: number
  /**
   * A stored credential to authenticate with, by name. The runtime adds its
   * header at the edge, so the secret never passes through the node type and
   * is never recorded.
   */
  credential?: string
}

export interface HttpResponse {
  status: number
  ok: boolean
  headers: { get(name: string): string | null }
  text(): Promise<string>
  json(): Promise<unknown>
}

/**
 * A stored secret, as a custom node type reads it with `ctx.credentials.get`.
 * Never put it in a node's output, a log line or an error message.
 */
export type Credential =
  | { kind: 'api-key'; header: string; key: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'hmac'; key: string }

export interface CredentialAccess {
  /** The credential named `name`; rejects with code `CREDENTIAL_NOT_FOUND` when there is none. */
  get(name: string): Promise<Credential>
}

/** The run data a node may read; never the engine itself. */
export interface RunData {
  runId: string
  flowId: string
  flowVersion: number
  input: JsonObject
  /** Outputs of nodes completed so far, by node id. */
  nodes: Record<string, JsonObject>
  /** Flow parameter values in force for this run. */
  params: Record<string, Json>
}

export interface NodeContext extends RunData {
  nodeId: string
  /** Stable across retries of this node in this run: pass it to side-effecting calls. */
  idempotencyKey: string
  now(): Date
  log: Logger
  ai: AiService
  secrets: { get(name: string): string | undefined }
  /** Named credentials an admin stored (API keys, tokens, basic auth, HMAC keys), decrypted on demand. */
  credentials: CredentialAccess
  /** fetch with a timeout, for integration node types. */
  http(url: string, init?: HttpRequestInit): Promise<HttpResponse>
  /** Evaluate a CEL expression over `input`, `nodes`, `params` (and `extra`). */
  evaluate(expression: string, extra?: Record<string, unknown>): unknown
  /** Fill a `{{ expression }}` template over the same data (`{ numbers: 'grouped' }` for text people read in the app). */
  render(template: string, options?: RenderOptions): string
  /**
   * Run another node type's `execute` as part of this node (an agent's tool):
   * its config parsed by its schema, `key` as its idempotency key. Only a type
   * that answers with a port can be run this way.
   */
  runNodeType?(type: string, config: unknown, input: JsonObject, key: string): Promise<PortResult>
}
