/**
 * npm packages of node types: listed in the project's `package.json` under
 * `"inloop": { "nodeTypes": ["inloop-stripe"] }`, resolved from the project's
 * `node_modules` to the file their `exports` (or `module`/`main`) point at.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { NodeTypeProblem } from './problems.js'

/**
 * The package names listed under `inloop.nodeTypes` in `<root>/package.json`.
 *
 * @example
 * // package.json: { "inloop": { "nodeTypes": ["inloop-stripe"] } }
 * listedPackages(projectRoot) // { names: ['inloop-stripe'], problems: [] }
 */
export function listedPackages(root: string): { names: string[]; problems: NodeTypeProblem[] } {
  const file = join(root, 'package.json')
  if (!existsSync(file)) return { names: [], problems: [] }
  const listed = (JSON.parse(readFileSync(file, 'utf8')) as { inloop?: { nodeTypes?: unknown } }).inloop?.nodeTypes
  if (listed === undefined) return { names: [], problems: [] }
  if (Array.isArray(listed) && listed.every((n) => typeof n === 'string' && n.length > 0)) return { names: listed, problems: [] }
  const message = `package.json: "inloop.nodeTypes" should be a list of package names, e.g. ["inloop-stripe"]`
  return { names: [], problems: [{ source: 'package.json', code: 'node-type.package-not-found', message }] }
}

/**
 * The entry file of package `name` as seen from `root` (walking up through
 * `node_modules` folders like Node does). Throws a clear error if missing.
 */
export function resolvePackageEntry(name: string, root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name)
    if (existsSync(join(pkgDir, 'package.json'))) return join(pkgDir, entryOf(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))))
    if (dirname(dir) === dir) break
  }
  throw new Error(`package '${name}' is not installed (run npm install ${name})`)
}

interface PackageJson {
  exports?: unknown
  module?: string
  main?: string
}

function entryOf(pkg: PackageJson): string {
  const fromExports = pick(typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports ? (pkg.exports as Record<string, unknown>)['.'] : pkg.exports)
  return fromExports ?? pkg.module ?? pkg.main ?? 'index.js'
}

/** The file an `exports` entry points at, preferring the `import` condition. */
function pick(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry
  if (typeof entry !== 'object' || entry === null) return undefined
  const conditions = entry as Record<string, unknown>
  for (const key of ['import', 'node', 'default']) {
    const found = pick(conditions[key])
    if (found) return found
  }
  return undefined
}
