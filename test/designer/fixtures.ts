/** Small flows and node-type descriptions for the designer's logic tests. */
import { builtinNodeTypes, describeNodeType } from '../../node-types/index'
import type { Flow, NodeTypeDescription } from '../../designer/src/api/types'
import { registerBuiltins } from '../../designer/src/editor/graph/node-info'

export const descriptions: NodeTypeDescription[] = builtinNodeTypes.map(describeNodeType)
export const types = new Map(descriptions.map((d) => [d.type, d]))
export const desc = (type: string): NodeTypeDescription => types.get(type)!

export function flowWith(nodes: Partial<Flow['nodes'][number]>[], edges: Flow['edges'] = []): Flow {
  return {
    schemaVersion: 1,
    id: 'f',
    name: 'F',
    description: '',
    version: 0,
    parameters: [],
    input: { type: 'object' },
    nodes: nodes.map((n, i) => ({ id: `n${i}`, type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: {}, ...n })),
    edges,
  }
}

registerBuiltins(builtinNodeTypes)
