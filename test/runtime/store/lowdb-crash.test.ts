/**
 * Kill -9 in the middle of a burst of appends: after reopening, every append
 * that was acknowledged is there, each log is a clean prefix of what was being
 * written, and no torn or temp file is left.
 */
import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openLowdbStore } from '../../../runtime/store/lowdb/lowdb-store.js'
import { burstEvent } from './fixtures/burst-events.js'
import { removeTempDirs, tempDir } from './fixtures/temp-dir.js'

afterAll(removeTempDirs)

const fixture = fileURLToPath(new URL('./fixtures/append-burst.ts', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Run the burst until `acks` appends are acknowledged, SIGKILL it, return the highest acked seq per run. */
function burstAndKill(dir: string, round: number, acks: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, String(round)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    const acked = new Map<string, number>()
    let count = 0
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [word, runId, seq] = line.split(' ')
        if (word !== 'ack') continue
        acked.set(runId, Math.max(acked.get(runId) ?? 0, Number(seq)))
        if (++count === acks) child.kill('SIGKILL')
      }
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked)
      else reject(new Error(`burst child exited with ${code} before it was killed: ${stderr}`))
    })
  })
}

describe('lowdb store shared between processes', () => {
  it('refuses to open a folder that another live process holds, naming that process', async () => {
    const dir = await tempDir()
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()))
    try {
      await expect(openLowdbStore(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringContaining(`process ${child.pid}`) })
    } finally {
      child.kill('SIGKILL')
      await exited
    }
  }, 30_000)
})

describe('lowdb store after a crash', () => {
  it('keeps every acknowledged append, as a clean prefix, across repeated kills mid-burst', async () => {
    const dir = await tempDir()
    const acked = new Map<string, number>()
    for (const [round, acks] of [[1, 300], [2, 1200], [3, 50]]) {
      for (const [runId, seq] of await burstAndKill(dir, round, acks)) acked.set(runId, seq)
    }
    const store = await openLowdbStore(dir)
    expect(store.warnings.some((w) => w.includes('took over the stale lock'))).toBe(true)
    for (const [runId, seq] of acked) {
      const events = await store.runs.getEvents(runId)
      expect(events?.length, `run ${runId}`).toBeGreaterThanOrEqual(seq)
      expect(events).toEqual(events!.map((e) => burstEvent(runId, e.seq)))
    }
    const buckets = await readdir(join(dir, 'runs'))
    const files = (await Promise.all(buckets.map((b) => readdir(join(dir, 'runs', b))))).flat()
    expect(files.filter((f) => !f.endsWith('.json'))).toEqual([])
    expect(await store.runs.countRuns()).toBe(files.length)
    await store.close()
  }, 60_000)
})
