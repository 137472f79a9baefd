/**
 * Flow persistence for the lowdb store: `flows/<flowId>/flow.json` holds the
 * draft and the version list, `flows/<flowId>/v<N>.json` each frozen version.
 * Every write is durable on its own; flows change rarely, so no batching.
 */
import { mkdir, readdir, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Flow } from '../../../node-types/flow/schema.js'
import type { FlowPersistence, FlowRecord } from '../flow-repo.js'
import { TEMP_SUFFIX, fsyncDir, readJson, writeJson, type Check } from './durable-file.js'

export const FLOWS_DIR = 'flows'
const RECORD = 'flow.json'

const checkRecord =
  (flowId: string): Check<FlowRecord> =>
  (data) => {
    const r = data as Partial<FlowRecord> | null
    if (!r || typeof r !== 'object') return 'is not a JSON object'
    if (r.id !== flowId) return `names flow ${JSON.stringify(r.id)} but its folder says ${flowId}`
    if (!r.draft || typeof r.draft !== 'object') return 'has no draft'
    if (!Array.isArray(r.versions)) return 'has no "versions" array'
    return r as FlowRecord
  }

const checkFlow: Check<Flow> = (data) =>
  data && typeof data === 'object' && Array.isArray((data as Flow).nodes) ? (data as Flow) : 'is not a flow (no "nodes" array)'

export class FlowFiles implements FlowPersistence {
  constructor(private readonly root: string) {}

  /** Every flow record; removes temp files and folders a crashed delete left behind. */
  async open(warn: (message: string) => void): Promise<FlowRecord[]> {
    await mkdir(this.root, { recursive: true })
    const records: FlowRecord[] = []
    for (const flowId of (await readdir(this.root)).sort()) {
      const dir = join(this.root, flowId)
      const names = await readdir(dir).catch(() => undefined)
      if (!names) continue
      for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX))) {
        await unlink(join(dir, name))
        warn(`removed an unfinished write left by a crash (never acknowledged): ${join(FLOWS_DIR, flowId, name)}`)
      }
      const record = await readJson(join(dir, RECORD), checkRecord(flowId), `flow ${flowId} and its versions`)
      if (record) records.push(record)
      else {
        await rm(dir, { recursive: true, force: true })
        warn(`removed ${join(FLOWS_DIR, flowId)}: a deletion of flow ${flowId} had not finished`)
      }
    }
    return records
  }

  async saveRecord(record: FlowRecord): Promise<void> {
    const dir = join(this.root, record.id)
    const created = (await mkdir(dir, { recursive: true })) !== undefined
    await writeJson(join(dir, RECORD), record, true)
    if (created) await fsyncDir(this.root)
  }

  async saveVersion(flowId: string, version: number, flow: Flow): Promise<void> {
    await writeJson(join(this.root, flowId, `v${version}.json`), flow, true)
  }

  async readVersion(flowId: string, version: number): Promise<Flow | undefined> {
    return readJson(join(this.root, flowId, `v${version}.json`), checkFlow, `version ${version} of flow ${flowId}`)
  }

  /** The record goes first, so a crash midway leaves a folder that open() finishes removing. */
  async remove(flowId: string): Promise<void> {
    const dir = join(this.root, flowId)
    await unlink(join(dir, RECORD)).catch(() => undefined)
    await fsyncDir(dir)
    await rm(dir, { recursive: true, force: true })
    await fsyncDir(this.root)
  }
}
