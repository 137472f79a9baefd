/**
 * Flow data for the lowdb store: `flows/<flowId>/data/<key>.json`, each file
 * written durably on its own. Inside the flow's folder, so deleting the flow
 * deletes its parameter versions and datasets too.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { FlowDataPersistence } from '../flow-data.js'
import { fsyncDir, readJson, writeJson } from './durable-file.js'

const DATA_DIR = 'data'

export class FlowDataFiles implements FlowDataPersistence {
  constructor(private readonly flowsRoot: string) {}

  async read(flowId: string, key: string): Promise<unknown | undefined> {
    return readJson(join(this.flowsRoot, flowId, DATA_DIR, `${key}.json`), (data) => data, `${key} of flow ${flowId}`)
  }

  async write(flowId: string, key: string, value: unknown): Promise<void> {
    const dir = join(this.flowsRoot, flowId, DATA_DIR)
    const created = (await mkdir(dir, { recursive: true })) !== undefined
    await writeJson(join(dir, `${key}.json`), value, true)
    if (created) await fsyncDir(join(this.flowsRoot, flowId))
  }
}
