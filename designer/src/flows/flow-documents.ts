/**
 * Making flow documents on the client: a new empty flow, a copy under a new
 * id, and reading an imported file (every problem, never a partial import).
 */
import type { Flow, Problem } from '../api/types'
import { slug, uniqueId } from '../editor/store/ids'

export function newFlow(name: string, takenIds: string[]): Flow {
  return {
    schemaVersion: 1, // FLOW_SCHEMA_VERSION; importing it would pull zod into the first page
    id: uniqueId(slug(name) || 'flow', takenIds),
    name: name.trim() || 'Untitled flow',
    description: '',
    version: 0,
    parameters: [],
    input: { type: 'object', properties: {} },
    nodes: [],
    edges: [],
  }
}

export function copyOf(flow: Flow, takenIds: string[]): Flow {
  const name = `${flow.name} (copy)`
  return { ...structuredClone(flow), id: uniqueId(`${flow.id}-copy`, takenIds), name, version: 0 }
}

export type ParsedImport = { ok: true; flow: Flow } | { ok: false; problems: Problem[] }

/** Parse an imported file's text. Only the JSON itself is checked here; the server validates the rest. */
export function parseImport(text: string): ParsedImport {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [{ path: '$', code: 'schema.invalid', message: `the file is not JSON: ${(error as Error).message}` }] }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '$', code: 'schema.invalid', message: 'the file holds no flow: expected a JSON object with nodes and edges' }] }
  }
  return { ok: true, flow: data as Flow }
}
