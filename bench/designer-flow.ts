/**
 * A large synthetic flow for the designer benchmark: a start, then a chain
 * of rules, reviews and waits laid out on a grid, then an end. Valid, so
 * the canvas draws it without problem badges.
 */
export function largeFlow(size: number, id = 'bench-large') {
  const cols = 25
  const nodes: Record<string, unknown>[] = []
  const edges: Record<string, unknown>[] = []
  const at = (i: number) => ({ x: (i % cols) * 280, y: Math.floor(i / cols) * 220 })
  nodes.push({ id: 'n0', type: 'start', typeVersion: 1, position: at(0), label: 'Start', config: {} })
  for (let i = 1; i < size - 1; i++) {
    const kind = i % 3
    if (kind === 0) nodes.push({ id: `n${i}`, type: 'rule', typeVersion: 1, position: at(i), label: `Rule ${i}`, config: { rules: [{ when: 'input.amount > 100', port: 'high' }] } })
    if (kind === 1) nodes.push({ id: `n${i}`, type: 'human-review', typeVersion: 1, position: at(i), label: `Review ${i}`, config: { role: 'reviewer' } })
    if (kind === 2) nodes.push({ id: `n${i}`, type: 'wait', typeVersion: 1, position: at(i), label: `Wait ${i}`, config: { for: 'PT1H' } })
  }
  nodes.push({ id: `n${size - 1}`, type: 'end', typeVersion: 1, position: at(size - 1), label: 'End', config: { outcome: 'done' } })
  const portsOf = (type: string) => (type === 'rule' ? ['high', 'default'] : type === 'human-review' ? ['approve', 'reject'] : ['next'])
  for (let i = 0; i < size - 1; i++) {
    for (const port of portsOf(String(nodes[i].type))) edges.push({ id: `e${edges.length + 1}`, source: `n${i}`, sourcePort: port, target: `n${i + 1}` })
  }
  return { schemaVersion: 1, id, name: `Large flow (${size} steps)`, description: 'Benchmark', version: 0, parameters: [], input: { type: 'object', properties: { amount: { type: 'number' } } }, nodes, edges }
}
