/**
 * Node type files for tests, in a temporary folder inside the project
 * (`.inloop-tmp/`, ignored by git and by vitest), so they import `zod` and
 * `inloop/node-types` exactly as a developer's files do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../runtime/version.js'

export interface TempNodeTypes {
  dir: string
  /** Write (or overwrite) a file in the folder; returns its path. */
  write(name: string, source: string): string
  remove(name: string): void
  cleanup(): void
}

export function tempNodeTypes(prefix = 'node-types-'): TempNodeTypes {
  const base = join(PROJECT_ROOT, '.inloop-tmp')
  mkdirSync(base, { recursive: true })
  const dir = mkdtempSync(join(base, prefix))
  return {
    dir,
    write(name, source) {
      const file = join(dir, name)
      writeFileSync(file, source)
      return file
    },
    remove: (name) => rmSync(join(dir, name), { force: true }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export interface DefinitionOptions {
  type: string
  /** Shown in `title` and in every output as `by`, so a test can tell versions apart. */
  title?: string
  version?: number
  port?: string
  exportName?: string
  /** Source of a `migrate(config, fromVersion)` function. */
  migrate?: string
  /** Source of the zod config object's fields. */
  configFields?: string
}

/** The source of a module exporting one small node type. */
export function definitionSource(o: DefinitionOptions): string {
  const title = o.title ?? o.type
  const port = o.port ?? 'done'
  return `import { z } from 'zod'
import { defineNodeType } from 'inloop/node-types'

export const ${o.exportName ?? 'nodeType'} = defineNodeType({
  type: '${o.type}',
  version: ${o.version ?? 1},
  title: '${title}',
  description: 'A node type written by a test',
  category: 'data',
  icon: 'box',
  color: '#0ea5e9',
  outputs: ['${port}'],
  config: z.object({ ${o.configFields ?? "greeting: z.string().default('hello').meta({ title: 'Greeting', description: 'What to say' })"} }),
  ${o.migrate ? `migrate: ${o.migrate},` : ''}
  execute: (_ctx, input, config) => ({ port: '${port}', data: { ...input, config, by: '${title}' } }),
})
`
}
