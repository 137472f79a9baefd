/**
 * What can be wrong with a custom node type, as the log, the API
 * (`GET /api/node-types/problems`) and the CLI report it. Each problem names
 * its source (a file path or `package:<name>`) and has a stable code.
 */

export type NodeTypeProblemCode =
  /** The file or package threw, or did not compile, when imported. */
  | 'node-type.import-failed'
  /** The file loaded but exports no `defineNodeType(...)` value. */
  | 'node-type.none-exported'
  /** An export looks like a node type but was not made with `defineNodeType`. */
  | 'node-type.not-a-definition'
  /** The config is not a zod schema, or cannot be turned into JSON Schema for the designer. */
  | 'node-type.bad-config-schema'
  /** The type id is taken by a built-in or by a source loaded earlier. */
  | 'node-type.duplicate'
  /** A package listed in `package.json` under `inloop.nodeTypes` cannot be found, or the list is malformed. */
  | 'node-type.package-not-found'
  /** A configured node-type folder does not exist. */
  | 'node-type.folder-not-found'

export interface NodeTypeProblem {
  /** Where it comes from: a path relative to the project (`node-types/custom/crm.ts`) or `package:<name>`. */
  source: string
  code: NodeTypeProblemCode
  message: string
  /** The type id, when the problem concerns one type. */
  type?: string
  /** The export's name, when the problem concerns one export. */
  export?: string
}

/** The text of an error, without a stack trace (the log and the API never show one). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.message.split('\n').slice(0, 6).join('\n').trim()
}
