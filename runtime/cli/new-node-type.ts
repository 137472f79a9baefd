/**
 * `inloop new-node-type <name> [--dir <folder>]`: scaffold a custom node type
 * and its test in `node-types/custom/` (or `INLOOP_NODE_TYPES`). Refuses a
 * name that is not kebab-case, the id of a built-in, or a file that exists.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { builtinNodeTypes } from '../../node-types/builtin/index.js'
import { DEFAULT_NODE_TYPES_DIR } from '../node-types/load-node-types.js'
import type { Io } from './main.js'
import { nodeTypeSource, nodeTypeTestSource, templateNames } from './node-type-template.js'

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export async function newNodeTypeCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { dir: { type: 'string' } } })
  const [name] = positionals
  if (!name) {
    io.err('usage: inloop new-node-type <name> [--dir <folder>]   e.g. inloop new-node-type crm-lookup')
    return 2
  }
  if (!NAME.test(name) || name.length > 60) {
    io.err(`'${name}' is not a valid node type name: use kebab-case — lower-case letters and digits, words joined by dashes, starting with a letter (e.g. crm-lookup)`)
    return 1
  }
  if (builtinNodeTypes.some((d) => d.type === name)) {
    io.err(`'${name}' is a built-in node type; pick another name (e.g. my-${name})`)
    return 1
  }
  const configured = values.dir ?? process.env.INLOOP_NODE_TYPES
  const dir = configured ? resolve(configured) : DEFAULT_NODE_TYPES_DIR
  const files = [join(dir, `${name}.ts`), join(dir, `${name}.test.ts`)]
  const taken = files.find((f) => existsSync(f))
  if (taken) {
    io.err(`${shown(taken)} already exists; edit it, or pick another name`)
    return 1
  }
  const names = templateNames(name)
  await mkdir(dir, { recursive: true })
  // 'wx': never overwrite, even if the file appeared since the check above.
  await writeFile(files[0], nodeTypeSource(names), { flag: 'wx' })
  await writeFile(files[1], nodeTypeTestSource(names), { flag: 'wx' })
  io.out(`created ${shown(files[0])} and ${shown(files[1])}`)
  io.out(`next: npx vitest run ${shown(files[1])}   then   npm run dev   (the designer's palette shows '${names.title}')`)
  return 0
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel.startsWith('..') ? file : rel
}
