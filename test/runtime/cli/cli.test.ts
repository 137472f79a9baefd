import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../runtime/cli/main.js'
import { PROJECT_ROOT } from '../../../runtime/version.js'
import { chooseFlow, flow } from '../../helpers/flows.js'

const EXAMPLE = join(PROJECT_ROOT, 'examples', 'loan-approval.flow.json')
const samples: { name: string; input: unknown }[] = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'loan-approval.inputs.json'), 'utf8'))

/** Run `inloop <argv>` in-process; collect what it prints. */
async function inloop(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('inloop CLI', () => {
  let dir: string
  const file = (name: string, content: string) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  const sampleFile = (match: string) => {
    const sample = samples.find((s) => s.name.toLowerCase().includes(match))!
    return file(`${match}.json`, JSON.stringify(sample.input))
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inloop-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('validates a good flow file with exit 0', async () => {
    const res = await inloop('validate', EXAMPLE)
    expect(res.code).toBe(0)
    expect(res.out).toMatch(/flow 'loan-approval' is valid \(7 nodes, 10 edges\)/)
  })

  it('lists every problem of a bad flow file with exit 1', async () => {
    const bad = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    bad.nodes.find((n: { id: string }) => n.id === 'score').type = 'crystal-ball'
    bad.edges.find((e: { id: string }) => e.id === 'e7').target = 'reveiw'
    const res = await inloop('validate', file('bad.flow.json', JSON.stringify(bad)))
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/\d+ problems/)
    expect(res.err).toMatch(/\$\.nodes\[1\]\.type\s+\[node\.unknown-type\]\s+node 'score' has type 'crystal-ball'/)
    expect(res.err).toMatch(/\$\.edges\[6\]\.target\s+\[edge\.dangling\]\s+edge e7 points to node 'reveiw', which does not exist/)
  })

  it('says clearly when the file is not JSON', async () => {
    const res = await inloop('validate', file('broken.json', '{ "id": "x", '))
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/broken\.json is not valid JSON/)
  })

  it('says clearly when the file does not exist', async () => {
    const res = await inloop('validate', join(dir, 'missing.json'))
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/cannot read .*missing\.json: no such file/)
  })

  it('runs the automatic sample to completion, printing status and output, with exit 0', async () => {
    const res = await inloop('run', EXAMPLE, '--input', `@${sampleFile('automatic')}`)
    expect(res.code).toBe(0)
    expect(res.out).toMatch(/^run r_\w+: completed \(approved\)/)
    expect(res.out).toMatch(/"outcome": "auto-approve"/)
  })

  it('prints what the review sample waits on, with exit 3', async () => {
    const res = await inloop('run', EXAMPLE, '--input', `@${sampleFile('review')}`)
    expect(res.code).toBe(3)
    expect(res.out).toMatch(/: waiting/)
    expect(res.out).toMatch(/waiting on task t_\w+ for role 'credit-officer': Review loan of 12,000 EUR for Ben Ortiz — decisions: approve, reject/)
  })

  it('prints which customer a run waits on, with exit 3', async () => {
    const path = file('choose.flow.json', JSON.stringify(chooseFlow('choose')))
    const res = await inloop('run', path, '--input', JSON.stringify({ name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] }))
    expect(res.code).toBe(3)
    expect(res.out).toMatch(/waiting on customer ada@example\.com: Pick a delivery date — answers: choose/)
  })

  it('prints until when a run sleeps, with exit 3', async () => {
    const sleeper = flow('sleeper', [{ id: 'start', type: 'start' }, { id: 'nap', type: 'wait', config: { for: 'P1D' } }, { id: 'end', type: 'end' }], ['start.next->nap', 'nap.next->end'])
    const res = await inloop('run', file('sleeper.flow.json', JSON.stringify(sleeper)), '--input', '{}')
    expect(res.code).toBe(3)
    expect(res.out).toMatch(/waiting until \d{4}-\d\d-\d\dT.* \(node nap\)/)
  })

  it('exits 1 and prints the error when the run fails', async () => {
    const fragile = flow('fragile', [{ id: 'start', type: 'start' }, { id: 'r', type: 'rule', config: { rules: [{ when: 'input.n > 1', port: 'y' }] } }, { id: 'end', type: 'end' }], [
      'start.next->r',
      'r.y->end',
      'r.default->end',
    ])
    const res = await inloop('run', file('fragile.flow.json', JSON.stringify(fragile)), '--input', '{}')
    expect(res.code).toBe(1)
    expect(res.out).toMatch(/: failed/)
    expect(res.err).toMatch(/error: r: .*n/)
  })

  it('takes inline JSON input', async () => {
    const input = JSON.stringify(samples[0].input)
    const res = await inloop('run', EXAMPLE, '--input', input)
    expect(res.code).toBe(0)
  })

  it('says clearly when --input is not JSON', async () => {
    const res = await inloop('run', EXAMPLE, '--input', '{amount: 1}')
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/--input is not valid JSON/)
  })

  it('refuses input that does not match the flow with exit 1 naming the field', async () => {
    const res = await inloop('run', EXAMPLE, '--input', '{"applicant": "x", "note": "y"}')
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/input\.amount/)
  })

  it('refuses to run a flow with problems, listing them', async () => {
    const res = await inloop('run', file('startless.json', JSON.stringify({ schemaVersion: 1, id: 'x', name: 'x', nodes: [] })), '--input', '{}')
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/no start node/)
  })

  it('answers an unknown command with usage and exit 2', async () => {
    const res = await inloop('frobnicate')
    expect(res.code).toBe(2)
    expect(res.err).toMatch(/unknown command 'frobnicate'[\s\S]*Usage: inloop/)
  })

  it('works as the installed bin, exiting 1 on a bad file', () => {
    const res = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'inloop.js'), 'validate', file('bin-bad.json', '[]')], {
      encoding: 'utf8',
      env: { ...process.env, INLOOP_LOG: 'silent' },
    })
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/problem/)
  })
})
