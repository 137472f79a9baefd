/**
 * Which files in a node-type folder are node types: `.ts`, `.mts`, `.js` and
 * `.mjs` files at the top level, except tests (`*.test.ts`, `*.spec.ts`),
 * declarations (`*.d.ts`) and helpers (names starting with `_` or `.`).
 */
import { readdir } from 'node:fs/promises'
import { join, relative, sep, isAbsolute } from 'node:path'

const CODE = /\.(ts|mts|js|mjs)$/
const NOT_A_TYPE = /\.(test|spec)\.[mc]?[jt]s$|\.d\.[mc]?ts$/

/** True if a file name in a node-type folder is loaded as a node type. */
export function isNodeTypeFile(name: string): boolean {
  return CODE.test(name) && !NOT_A_TYPE.test(name) && !name.startsWith('_') && !name.startsWith('.')
}

/**
 * The node-type files of a folder, sorted by name; `undefined` if the folder does not exist.
 *
 * @example
 * await listNodeTypeFiles('node-types/custom') // ['/…/node-types/custom/crm-lookup.ts']
 */
export async function listNodeTypeFiles(dir: string): Promise<string[] | undefined> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return entries
    .filter((e) => e.isFile() && isNodeTypeFile(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => join(dir, name))
}

/** How a file is named in problems and logs: relative to the project when inside it. */
export function sourceName(file: string, root: string): string {
  const rel = relative(root, file)
  if (rel.startsWith('..') || isAbsolute(rel)) return file
  return rel.split(sep).join('/')
}
