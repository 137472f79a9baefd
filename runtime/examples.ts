/**
 * Load `examples/<name>.flow.json` (+ `<name>.inputs.json`) into a store:
 * each example becomes a flow with its draft published as version 1, unless
 * a flow with that id is already there (a user's edits are never replaced).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateFlow } from '../node-types/flow/validate.js'
import type { NodeTypeRegistry } from '../node-types/registry.js'
import type { Logger } from '../node-types/sdk/types.js'
import type { Store } from './engine/store.js'
import type { Sample } from './http/runtime-context.js'

export async function loadExamples(dir: string, store: Store, registry: NodeTypeRegistry, log: Logger): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>()
  const files = (await readdir(dir)).filter((f) => f.endsWith('.flow.json')).sort()
  for (const file of files) {
    const name = file.slice(0, -'.flow.json'.length)
    const doc = JSON.parse(await readFile(join(dir, file), 'utf8'))
    const result = validateFlow(doc, registry)
    if (!result.ok) {
      log.warn(`example ${file} is not valid and was not loaded`, { problems: result.problems.map((p) => `${p.path}: ${p.message}`) })
      continue
    }
    const inputs = await readFile(join(dir, `${name}.inputs.json`), 'utf8').then(JSON.parse, () => [])
    samples.set(result.flow.id, inputs)
    if (await store.flows.getDraft(result.flow.id)) continue
    await store.flows.saveDraft(result.flow.id, doc, 'examples')
    await store.flows.publish(result.flow.id, 'examples', `loaded from examples/${file}`)
  }
  return samples
}
