/**
 * Import one node-type file or package and inspect what it exports. A file
 * that throws or does not compile becomes a problem, never a crash. `reload`
 * adds a query to the file URL, so Node (and tsx's loader, which honours it)
 * evaluates the changed file afresh instead of answering from its module cache.
 */
import { pathToFileURL } from 'node:url'
import { inspectExports } from './inspect-exports.js'
import { errorText } from './problems.js'
import type { SourceResult } from './catalog.js'

let generation = 0

/**
 * Import `file` (absolute path) and return what it defines, named `source`.
 *
 * @example
 * await importSource('/app/node-types/custom/crm.ts', 'node-types/custom/crm.ts', { reload: true })
 */
export async function importSource(file: string, source: string, options: { reload?: boolean; acceptSpecs?: boolean } = {}): Promise<SourceResult> {
  const url = pathToFileURL(file).href + (options.reload ? `?inloop-reload=${Date.now()}-${++generation}` : '')
  let exports: Record<string, unknown>
  try {
    exports = (await import(/* @vite-ignore */ url)) as Record<string, unknown>
  } catch (error) {
    return {
      source,
      definitions: [],
      problems: [{ source, code: 'node-type.import-failed', message: `${source} could not be loaded: ${errorText(error)}` }],
    }
  }
  return { source, ...inspectExports(exports, source, { acceptSpecs: options.acceptSpecs }) }
}
