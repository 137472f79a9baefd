/** `inloop new-node-type`: scaffold a node type and a test that passes as written. */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../runtime/cli/main.js'
import { DEFAULT_NODE_TYPES_DIR, loadNodeTypes } from '../../../runtime/node-types/load-node-types.js'
import { PROJECT_ROOT } from '../../../runtime/version.js'
import { tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'

async function inloop(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const node = (script: string, args: string[], cwd: string) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INLOOP_LOG: 'silent', NO_COLOR: '1', FORCE_COLOR: '0' } })

describe('inloop new-node-type', () => {
  let tmp: TempNodeTypes
  beforeAll(async () => {
    tmp = tempNodeTypes('scaffold-')
    const res = await inloop('new-node-type', 'credit-check', '--dir', tmp.dir)
    expect(res.code, res.err).toBe(0)
  })
  afterAll(() => tmp.cleanup())

  it('writes a definition and a test named after the type', () => {
    const source = readFileSync(join(tmp.dir, 'credit-check.ts'), 'utf8')
    expect(source).toContain("export const creditCheck = defineNodeType({")
    expect(source).toContain("type: 'credit-check'")
    expect(source).toContain("title: 'Credit check'")
    expect(readFileSync(join(tmp.dir, 'credit-check.test.ts'), 'utf8')).toContain("import { creditCheck } from './credit-check.js'")
  })

  it('writes a type that loads with its config schema, defaults and both ports', async () => {
    const catalog = await loadNodeTypes({ dirs: [tmp.dir], packages: [], log: { info() {}, warn() {}, error() {} } })
    expect(catalog.problems()).toEqual([])
    const def = catalog.registry.get('credit-check')!
    expect(def.portsFor(def.config.parse({}))).toEqual(['reached', 'below'])
    expect(def.config.parse({})).toEqual({ value: 'input.amount', limit: 100, label: 'amount' })
  })

  it('scaffolds into node-types/custom by default, where npm test picks up its test, and that test passes unchanged', async () => {
    const name = `scaffold-${process.pid}-${Date.now().toString(36)}`
    const files = [join(DEFAULT_NODE_TYPES_DIR, `${name}.ts`), join(DEFAULT_NODE_TYPES_DIR, `${name}.test.ts`)]
    const configured = process.env.INLOOP_NODE_TYPES
    delete process.env.INLOOP_NODE_TYPES
    try {
      const created = await inloop('new-node-type', name)
      expect(created.code, created.err).toBe(0)
      expect(created.out).toContain(`created node-types/custom/${name}.ts and node-types/custom/${name}.test.ts`)
      const res = node('vitest/vitest.mjs', ['run', `node-types/custom/${name}.test.ts`, '--reporter', 'dot'], PROJECT_ROOT)
      expect(res.status, res.stdout + res.stderr).toBe(0)
      expect(res.stdout).toMatch(/Tests\s+6 passed/)
    } finally {
      if (configured !== undefined) process.env.INLOOP_NODE_TYPES = configured
      for (const file of files) rmSync(file, { force: true })
    }
  })

  it('writes files that type-check', () => {
    const tsconfig = { extends: join(PROJECT_ROOT, 'tsconfig.base.json'), compilerOptions: { types: ['node'] }, files: ['credit-check.ts', 'credit-check.test.ts'] }
    writeFileSync(join(tmp.dir, 'tsconfig.json'), JSON.stringify(tsconfig))
    const res = node('typescript/bin/tsc', ['-p', join(tmp.dir, 'tsconfig.json'), '--noEmit'], tmp.dir)
    expect(res.status, res.stdout + res.stderr).toBe(0)
  }, 120_000) // a whole tsc run over the SDK and testing kit: minutes on a loaded machine

  it('refuses to overwrite a file that exists', async () => {
    const res = await inloop('new-node-type', 'credit-check', '--dir', tmp.dir)
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/credit-check\.ts already exists; edit it, or pick another name/)
  })

  it('refuses a name that is not kebab-case', async () => {
    const res = await inloop('new-node-type', 'CreditCheck', '--dir', tmp.dir)
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/'CreditCheck' is not a valid node type name: use kebab-case/)
  })

  it('refuses the id of a built-in type', async () => {
    const res = await inloop('new-node-type', 'human-review', '--dir', tmp.dir)
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/'human-review' is a built-in node type/)
  })

  it('says how to call it when the name is missing', async () => {
    const res = await inloop('new-node-type')
    expect(res.code).toBe(2)
    expect(res.err).toMatch(/usage: inloop new-node-type <name>/)
  })
})
