/**
 * Sorts the validator's problems by where they belong: on a node (badge),
 * on a field of its config (inline in the inspector), on an edge, in the
 * flow settings, or on the flow as a whole. Paths look like
 * `$.nodes[2].config.rules[0].when`.
 */
import type { Flow, Problem } from '../../api/types'

export type Segment = string | number

export interface ProblemIndex {
  all: Problem[]
  byNode: Map<string, Problem[]>
  /** nodeId → config field path (`rules.0.when`) → problems */
  byField: Map<string, Map<string, Problem[]>>
  byEdge: Map<string, Problem[]>
  /** problems in name, description, parameters or input (`parameters.1.value`) */
  settings: Map<string, Problem[]>
  flow: Problem[]
}

export function parsePath(path: string): Segment[] {
  const out: Segment[] = []
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(path))) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)))
  return out
}

export const fieldKey = (segments: readonly Segment[]): string => segments.join('.')

export function indexProblems(flow: Flow, problems: Problem[]): ProblemIndex {
  const index: ProblemIndex = { all: problems, byNode: new Map(), byField: new Map(), byEdge: new Map(), settings: new Map(), flow: [] }
  for (const problem of problems) {
    const [head, at, kind, ...rest] = parsePath(problem.path)
    if (head === 'nodes' && typeof at === 'number' && flow.nodes[at]) {
      const id = flow.nodes[at].id
      add(index.byNode, id, problem)
      if (kind === 'config' && rest.length > 0) {
        const fields = index.byField.get(id) ?? new Map<string, Problem[]>()
        add(fields, fieldKey(rest), problem)
        index.byField.set(id, fields)
      }
    } else if (head === 'edges' && typeof at === 'number' && flow.edges[at]) {
      add(index.byEdge, flow.edges[at].id, problem)
    } else if (head === 'parameters' || head === 'input' || head === 'name' || head === 'description') {
      add(index.settings, fieldKey(parsePath(problem.path)), problem)
      index.flow.push(problem)
    } else {
      index.flow.push(problem)
    }
  }
  return index
}

function add<K>(map: Map<K, Problem[]>, key: K, problem: Problem): void {
  const list = map.get(key)
  if (list) list.push(problem)
  else map.set(key, [problem])
}

/** Problems at a field or below it (a list shows its items' problems too). */
export function problemsUnder(fields: Map<string, Problem[]> | undefined, key: string): Problem[] {
  if (!fields) return []
  const out: Problem[] = []
  for (const [k, list] of fields) if (k === key || k.startsWith(`${key}.`)) out.push(...list)
  return out
}
