/**
 * Dev mode: watch the node-type folders and reload a file when it changes,
 * without restarting. A changed file is imported again (cache-busted) and
 * replaces the types it defined; a deleted file takes its types with it.
 * When a changed file fails to load, its last good types stay in use and the
 * failure is reported. Only the changed file is re-evaluated: helpers it
 * imports stay as first loaded until the server restarts.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../../node-types/sdk/types.js'
import { PROJECT_ROOT } from '../version.js'
import type { NodeTypeCatalog, NodeTypeChange } from './catalog.js'
import { importSource } from './import-source.js'
import { isNodeTypeFile, sourceName } from './node-type-files.js'

export interface WatchOptions {
  dirs: string[]
  log: Logger
  root?: string
  /** Called after every reload, with what changed. */
  onChange(change: NodeTypeChange): void
  /** Quiet time before a burst of writes to one file is reloaded. Default 100 ms. */
  debounceMs?: number
}

export interface NodeTypeWatcher {
  /** Resolves once pending reloads are done (tests). */
  settled(): Promise<void>
  close(): void
}

/**
 * Watch `dirs` and keep `catalog` (and so the registry) in step with them.
 *
 * @example
 * const watcher = await watchNodeTypes(catalog, { dirs, log, onChange: (c) => hub.broadcast('node-types', c) })
 */
export async function watchNodeTypes(catalog: NodeTypeCatalog, options: WatchOptions): Promise<NodeTypeWatcher> {
  const root = options.root ?? PROJECT_ROOT
  const timers = new Map<string, NodeJS.Timeout>()
  const watchers: FSWatcher[] = []
  let queue = Promise.resolve()

  const reload = async (file: string) => {
    const source = sourceName(file, root)
    if (existsSync(file)) {
      const result = await importSource(file, source, { reload: true })
      const before = catalog.getSource(source)
      const failed = result.problems.some((p) => p.code === 'node-type.import-failed')
      if (failed && before && before.definitions.length > 0) {
        result.definitions = before.definitions
        for (const p of result.problems) p.message += '; the last version that loaded stays in use'
      }
      catalog.setSource(result)
    } else {
      catalog.removeSource(source)
    }
    const change = catalog.sync()
    for (const p of catalog.getSource(source)?.problems ?? []) options.log.warn(`node type problem: ${p.message}`, { source, code: p.code })
    options.log.info(`reloaded ${source}`, { added: change.added, changed: change.changed, removed: change.removed })
    options.onChange(change)
  }

  const schedule = (file: string) => {
    clearTimeout(timers.get(file))
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file)
        queue = queue.then(() => reload(file)).catch((error) => options.log.error(`reloading ${file} failed`, { error: String(error) }))
      }, options.debounceMs ?? 100),
    )
  }

  for (const dir of options.dirs) {
    // The default folder may not exist yet; in dev mode it is where new types go, so make it.
    if (!existsSync(dir)) await mkdir(dir, { recursive: true })
    const watcher = watch(dir, (_event, name) => {
      if (name && isNodeTypeFile(name)) schedule(join(dir, name))
    })
    watcher.on('error', (error) => options.log.warn(`watching ${dir} stopped`, { error: String(error) }))
    watchers.push(watcher)
  }

  return {
    settled: async () => {
      while (timers.size > 0) await new Promise((r) => setTimeout(r, 20))
      await queue
    },
    close() {
      for (const w of watchers) w.close()
      for (const t of timers.values()) clearTimeout(t)
      timers.clear()
    },
  }
}
