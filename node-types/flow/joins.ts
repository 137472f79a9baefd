/**
 * Joins in the graph: which split a join gathers, the steps of its branches
 * (cancelled when an `any`/`count` join is done early), how many arrivals it
 * waits for — and the shapes that would make it wait for ever: no split
 * before it, or a choice inside the branches that sends a run into another
 * branch's edge (so one branch arrives twice and another never).
 * The validator reports the problems; the engine compiles the rest.
 */

export interface GraphNode {
  id: string
  /** For a join: arrivals it needs, 'all' for every incoming edge. */
  gathers?: number | 'all'
  ports: string[]
}

export interface GraphEdge {
  source: string
  sourcePort: string
  target: string
}

export interface JoinPlan {
  joinId: string
  /** Arrivals that complete it. */
  expected: number
  /** Steps between its split(s) and it: what is cancelled when it completes early. */
  branch: Set<string>
}

export interface JoinProblem {
  joinId: string
  code: 'join.no-split' | 'join.branch-may-not-arrive'
  message: string
}

export function planJoins(nodes: GraphNode[], edges: GraphEdge[]): { plans: JoinPlan[]; problems: JoinProblem[] } {
  const out = new Map<string, GraphEdge[]>()
  const into = new Map<string, GraphEdge[]>()
  for (const e of edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e])
    into.set(e.target, [...(into.get(e.target) ?? []), e])
  }
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const tokens = new Map<string, number>()
  const plans: JoinPlan[] = []
  const problems: JoinProblem[] = []
  for (const join of nodes) {
    if (join.gathers === undefined) continue
    const ancestors = reach(join.id, (id) => (into.get(id) ?? []).map((e) => e.source))
    ancestors.delete(join.id)
    const arriving = tokensInto(join.id, ancestors, out, byId, into, tokens, new Set())
    const splits = [...ancestors].filter((id) => splitWidth(id, out, ancestors, join.id) >= 2)
    if (splits.length === 0 || arriving < 2) {
      problems.push({ joinId: join.id, code: 'join.no-split', message: `join '${join.id}' has no split before it: connect one port to two or more branches that meet here` })
      continue
    }
    const branch = new Set<string>()
    for (const s of splits) {
      for (const id of reach(s, (n) => (n === join.id ? [] : (out.get(n) ?? []).map((e) => e.target)))) if (ancestors.has(id) && id !== s) branch.add(id)
    }
    const expected = join.gathers === 'all' ? arriving : join.gathers
    plans.push({ joinId: join.id, expected, branch })
    if (expected > arriving) {
      problems.push({ joinId: join.id, code: 'join.branch-may-not-arrive', message: `join '${join.id}' waits for ${expected} branches, but at most ${arriving} can reach it` })
    }
    const lost = vanishing(join.id, branch, out, byId)
    if (lost && expected > 1) {
      problems.push({
        joinId: join.id,
        code: 'join.branch-may-not-arrive',
        message: `join '${join.id}' could wait for a branch that never arrives: a run can leave '${lost.nodeId}' by '${lost.port}', which leads nowhere; connect it to the join or to an end`,
      })
    }
  }
  return { plans, problems }
}

/**
 * How many branches reach a join when its region runs once: one, plus each
 * split's extra branches into the region, less what inner joins gather into one.
 */
function tokensInto(
  joinId: string,
  ancestors: Set<string>,
  out: Map<string, GraphEdge[]>,
  byId: Map<string, GraphNode>,
  into: Map<string, GraphEdge[]>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  const known = memo.get(joinId)
  if (known !== undefined) return known
  visiting.add(joinId)
  let count = 1
  for (const id of ancestors) {
    const width = splitWidth(id, out, ancestors, joinId)
    if (width >= 2) count += width - 1
    if (byId.get(id)?.gathers !== undefined && !visiting.has(id)) {
      const inner = reach(id, (n) => (into.get(n) ?? []).map((e) => e.source))
      inner.delete(id)
      count -= tokensInto(id, inner, out, byId, into, memo, visiting) - 1
    }
  }
  visiting.delete(joinId)
  memo.set(joinId, count)
  return count
}

/** The widest port of a node: how many of its edges lead on towards the join. */
function splitWidth(id: string, out: Map<string, GraphEdge[]>, ancestors: Set<string>, joinId: string): number {
  const byPort = new Map<string, number>()
  for (const e of out.get(id) ?? []) {
    if (e.target === joinId || ancestors.has(e.target)) byPort.set(e.sourcePort, (byPort.get(e.sourcePort) ?? 0) + 1)
  }
  return Math.max(0, ...byPort.values())
}

/**
 * A port a branch may leave by that leads nowhere (an optional port left
 * unconnected, other than `error`, which fails the run): that branch would
 * never arrive, nor end the run.
 */
function vanishing(joinId: string, branch: Set<string>, out: Map<string, GraphEdge[]>, byId: Map<string, GraphNode>): { nodeId: string; port: string } | undefined {
  const seen = reach([...branch], (n) => (n === joinId ? [] : (out.get(n) ?? []).map((e) => e.target)))
  for (const id of seen) {
    if (id === joinId) continue
    const node = byId.get(id)
    const connected = new Set((out.get(id) ?? []).map((e) => e.sourcePort))
    const port = node?.ports.find((p) => p !== 'error' && !connected.has(p))
    if (port) return { nodeId: id, port }
  }
  return undefined
}

function reach(from: string | string[], next: (id: string) => string[]): Set<string> {
  const starts = Array.isArray(from) ? from : [from]
  const seen = new Set(starts)
  const stack = [...starts]
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) if (!seen.has(n)) seen.add(n), stack.push(n)
  }
  return seen
}
