/**
 * Load the node types a runtime runs with: the built-ins, every file in the
 * custom folders and every package listed in `package.json` under
 * `inloop.nodeTypes`. A broken source is reported (log + problems) and the
 * rest load; nothing here stops a server from starting.
 */
import { join, resolve } from 'node:path'
import { builtinNodeTypes } from '../../node-types/builtin/index.js'
import type { AnyNodeType } from '../../node-types/sdk/define-node-type.js'
import type { Logger } from '../../node-types/sdk/types.js'
import { PROJECT_ROOT } from '../version.js'
import { createNodeTypeCatalog, type NodeTypeCatalog } from './catalog.js'
import { importSource } from './import-source.js'
import { listNodeTypeFiles, sourceName } from './node-type-files.js'
import { listedPackages, resolvePackageEntry } from './node-type-packages.js'
import { errorText } from './problems.js'

/** Where custom node types live unless `INLOOP_NODE_TYPES` or an option says otherwise. */
export const DEFAULT_NODE_TYPES_DIR = join(PROJECT_ROOT, 'node-types', 'custom')
/** The example node types, loaded with the examples. */
export const EXAMPLE_NODE_TYPES_DIR = join(PROJECT_ROOT, 'examples', 'custom-node-types')

export interface LoadNodeTypesOptions {
  /** Folders of node-type files, in order (a type defined twice: the first wins). */
  dirs: string[]
  /** Package names; default: `inloop.nodeTypes` of `<root>/package.json`. */
  packages?: string[]
  /** The project: packages resolve from here, sources are named relative to it (default: Inloop's root). */
  root?: string
  builtins?: readonly AnyNodeType[]
  log: Logger
}

/**
 * The folders to load: `dir` (or `INLOOP_NODE_TYPES`, or `node-types/custom/`),
 * then the examples' folder when examples are loaded.
 *
 * @example
 * nodeTypeDirs({ examples: true }) // ['/app/node-types/custom', '/app/examples/custom-node-types']
 */
export function nodeTypeDirs(options: { dir?: string; examples?: boolean } = {}): string[] {
  const configured = options.dir ?? process.env.INLOOP_NODE_TYPES
  const dirs = [configured ? resolve(configured) : DEFAULT_NODE_TYPES_DIR]
  if (options.examples) dirs.push(EXAMPLE_NODE_TYPES_DIR)
  return dirs
}

/**
 * Load every source into a new catalog; its `registry` is what the engine runs.
 *
 * @example
 * const catalog = await loadNodeTypes({ dirs: nodeTypeDirs(), log })
 * for (const p of catalog.problems()) console.warn(p.message)
 */
export async function loadNodeTypes(options: LoadNodeTypesOptions): Promise<NodeTypeCatalog> {
  const root = options.root ?? PROJECT_ROOT
  const catalog = createNodeTypeCatalog(options.builtins ?? builtinNodeTypes)
  for (const dir of options.dirs) {
    const files = await listNodeTypeFiles(dir)
    if (files === undefined) {
      // The default folder is optional; a folder someone configured is not.
      if (dir !== DEFAULT_NODE_TYPES_DIR && dir !== EXAMPLE_NODE_TYPES_DIR) {
        const source = sourceName(dir, root)
        catalog.setSource({ source, definitions: [], problems: [{ source, code: 'node-type.folder-not-found', message: `node type folder ${source} does not exist` }] })
      }
      continue
    }
    for (const file of files) catalog.setSource(await importSource(file, sourceName(file, root)))
  }
  const listed = options.packages ? { names: options.packages, problems: [] } : listedPackages(root)
  if (listed.problems.length > 0) catalog.setSource({ source: 'package.json', definitions: [], problems: listed.problems })
  for (const name of listed.names) catalog.setSource(await importPackage(name, root))
  const change = catalog.sync()
  reportLoad(catalog, change.added.length, options.log)
  return catalog
}

async function importPackage(name: string, root: string) {
  const source = `package:${name}`
  let entry: string
  try {
    entry = resolvePackageEntry(name, root)
  } catch (error) {
    return { source, definitions: [], problems: [{ source, code: 'node-type.package-not-found' as const, message: `${source}: ${errorText(error)}` }] }
  }
  return importSource(entry, source, { acceptSpecs: true })
}

/** Log each problem as a warning, and what loaded. */
export function reportLoad(catalog: NodeTypeCatalog, loaded: number, log: Logger): void {
  for (const problem of catalog.problems()) log.warn(`node type not loaded: ${problem.message}`, { source: problem.source, code: problem.code })
  if (loaded > 0) log.info(`loaded ${loaded} custom node type${loaded === 1 ? '' : 's'}`)
}
