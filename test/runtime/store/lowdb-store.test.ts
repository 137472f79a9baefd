/**
 * What only the lowdb store does: files on disk, the folder lock, recovery
 * from crash leftovers and refusing corrupt data.
 */
import { spawnSync } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openLowdbStore } from '../../../runtime/store/lowdb/lowdb-store.js'
import { RunFiles } from '../../../runtime/store/lowdb/run-files.js'
import { simpleRun } from './fixtures/run-log.js'
import { sampleFlow } from './fixtures/flows.js'
import { removeTempDirs, tempDir } from './fixtures/temp-dir.js'

afterAll(removeTempDirs)

async function folderWithRuns(ids: string[]): Promise<string> {
  const dir = await tempDir()
  const store = await openLowdbStore(dir)
  for (const id of ids) {
    const log = simpleRun(id)
    await store.runs.appendRun(id, log.take(), log.state(), [log.message({ id: `m-${id}` })])
  }
  await store.close()
  return dir
}

describe('lowdb store', () => {
  it('keeps runs, their indexes and flows across close and reopen', async () => {
    const dir = await folderWithRuns(['r_1', 'r_2'])
    const first = await openLowdbStore(dir)
    await first.flows.saveDraft('loan', sampleFlow(), 'ann')
    await first.flows.publish('loan', 'bob')
    await first.close()

    const store = await openLowdbStore(dir)
    expect(await store.runs.countRuns()).toBe(2)
    expect(await store.runs.getRun('r_1')).toEqual(simpleRun('r_1').state())
    expect(await store.runs.runIdForTask('t-r_2')).toBe('r_2')
    expect((await store.runs.queryTasks({ roles: ['credit-officer'] })).total).toBe(2)
    expect((await store.runs.listOutbox({})).map((m) => m.id)).toEqual(['m-r_1', 'm-r_2'])
    expect((await store.flows.getVersion('loan', 1))?.name).toBe('Loan approval')
    expect((await store.flows.listFlows())[0]).toMatchObject({ latestVersion: 1, hasDraftChanges: false })
    await store.close()
  })

  it('stores each run as one small file inside a bucket folder', async () => {
    const dir = await folderWithRuns(['r_1'])
    const [bucket] = await readdir(join(dir, 'runs'))
    expect(bucket).toMatch(/^b\d{6}$/)
    const doc = JSON.parse(await readFile(join(dir, 'runs', bucket, 'r_1.json'), 'utf8'))
    expect(doc).toMatchObject({ runId: 'r_1', outbox: [{ id: 'm-r_1' }] })
    expect(doc.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('reads a run back from its file once it has left the cache', async () => {
    const dir = await tempDir()
    const store = await openLowdbStore(dir, { cacheLimit: 1 })
    const a = simpleRun('r_a')
    const b = simpleRun('r_b')
    await store.runs.appendRun('r_a', a.take(), a.state())
    await store.runs.appendRun('r_b', b.take(), b.state())
    a.add({ type: 'task.decided', taskId: 't-r_a', decision: 'approve', by: 'ann', data: {}, corrections: {}, reviewers: ['ann'] })
    await store.runs.appendRun('r_a', a.take(), a.state())
    expect(await store.runs.getRun('r_a')).toEqual(a.state())
    expect(await store.runs.getRun('r_b')).toEqual(b.state())
    await store.close()
  })

  it('refuses appends once closed', async () => {
    const store = await openLowdbStore(await tempDir())
    await store.close()
    const log = simpleRun('r_1')
    await expect(store.runs.appendRun('r_1', log.take(), log.state())).rejects.toMatchObject({ code: 'STORE_CLOSED' })
  })

  it('refuses a second open of a folder that is open, naming the folder and the process', async () => {
    const dir = await tempDir()
    const store = await openLowdbStore(dir)
    const second = openLowdbStore(dir)
    await expect(second).rejects.toMatchObject({ code: 'STORE_LOCKED' })
    await expect(second).rejects.toThrow(new RegExp(`${dir}.*process ${process.pid}`))
    await store.close()
  })

  it('releases the folder on close so it can be opened again', async () => {
    const dir = await tempDir()
    await (await openLowdbStore(dir)).close()
    const again = await openLowdbStore(dir)
    expect(again.warnings).toEqual([])
    await again.close()
  })

  it('takes over a lock left by a process that is no longer running, and says so', async () => {
    const dir = await tempDir()
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: dead, hostname: hostname(), startedAt: '2025-01-01T00:00:00.000Z' }))
    const seen: string[] = []
    const store = await openLowdbStore(dir, { onWarning: (m) => seen.push(m) })
    expect(store.warnings).toEqual([expect.stringContaining(`stale lock on ${dir} left by process ${dead}`)])
    expect(seen).toEqual(store.warnings)
    expect(JSON.parse(await readFile(join(dir, 'LOCK'), 'utf8')).pid).toBe(process.pid)
    await store.close()
  })

  it('refuses to open when a run file is not valid JSON, naming the file and leaving it as it was', async () => {
    const dir = await folderWithRuns(['r_1', 'r_2'])
    const [bucket] = await readdir(join(dir, 'runs'))
    const file = join(dir, 'runs', bucket, 'r_2.json')
    await writeFile(file, '{"runId": "r_2", "events": [')
    const opening = openLowdbStore(dir)
    await expect(opening).rejects.toMatchObject({ code: 'STORE_CORRUPT' })
    await expect(opening).rejects.toThrow(new RegExp(`${file} is not valid JSON.*move it out of the data folder`))
    expect(await readFile(file, 'utf8')).toBe('{"runId": "r_2", "events": [')
    // The failed open released its lock: after moving the file aside the folder opens.
    await writeFile(file, await readFile(file.replace('r_2', 'r_1'), 'utf8').then((t) => t.replaceAll('r_1', 'r_2')))
    await (await openLowdbStore(dir)).close()
  })

  it('refuses to open when a run file is empty', async () => {
    const dir = await folderWithRuns(['r_1'])
    const [bucket] = await readdir(join(dir, 'runs'))
    await writeFile(join(dir, 'runs', bucket, 'r_1.json'), '')
    await expect(openLowdbStore(dir)).rejects.toThrow(/r_1\.json is empty/)
  })

  it('refuses to open when a run log has a gap in its seq numbers', async () => {
    const dir = await folderWithRuns(['r_1'])
    const [bucket] = await readdir(join(dir, 'runs'))
    const file = join(dir, 'runs', bucket, 'r_1.json')
    const doc = JSON.parse(await readFile(file, 'utf8'))
    doc.events.splice(2, 1)
    await writeFile(file, JSON.stringify(doc))
    await expect(openLowdbStore(dir)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringMatching(/seq 4 at index 2, expected 3/) })
  })

  it('removes temp files a crash left behind and reports them', async () => {
    const dir = await folderWithRuns(['r_1'])
    const [bucket] = await readdir(join(dir, 'runs'))
    await writeFile(join(dir, 'runs', bucket, 'r_2.json.123-1.tmp'), '{"half": ')
    const store = await openLowdbStore(dir)
    expect(store.warnings).toEqual([expect.stringContaining('r_2.json.123-1.tmp')])
    expect(await readdir(join(dir, 'runs', bucket))).toEqual(['r_1.json'])
    expect(await store.runs.countRuns()).toBe(1)
    await store.close()
  })
})

describe('run files', () => {
  it('fill buckets in creation order and start a new one when the last is full, also after reopening', async () => {
    const root = await tempDir()
    const files = new RunFiles(root, 2)
    await files.open(() => undefined, () => undefined)
    await files.write(['r_1', 'r_2', 'r_3'].map((runId) => ({ runId, events: [], outbox: [] })))
    const reopened = new RunFiles(root, 2)
    const loaded: string[] = []
    await reopened.open((doc) => loaded.push(doc.runId), () => undefined)
    await reopened.write(['r_4', 'r_5'].map((runId) => ({ runId, events: [], outbox: [] })))
    expect(loaded.sort()).toEqual(['r_1', 'r_2', 'r_3'])
    const layout = await Promise.all(['b000001', 'b000002', 'b000003'].map(async (b) => (await readdir(join(root, b))).sort()))
    expect(layout).toEqual([['r_1.json', 'r_2.json'], ['r_3.json', 'r_4.json'], ['r_5.json']])
  })
})
