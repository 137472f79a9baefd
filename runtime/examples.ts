/**
 * Load `examples/<name>.flow.json` (+ `<name>.inputs.json`) into a store:
 * each example becomes a flow with its draft published as version 1, unless
 * a flow with that id is already there (a user's edits are never replaced).
 * A broken example is skipped with a warning; it never stops the server.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateFlow } from '../node-types/flow/validate.js'
import type { NodeTypeRegistry } from '../node-types/registry.js'
import type { Logger } from '../node-types/sdk/types.js'
import type { Store } from './engine/store.js'
import type { Sample } from './http/runtime-context.js'

const LOADER = 'examples'

export async function loadExamples(dir: string, store: Store, registry: NodeTypeRegistry, log: Logger): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>()
  const files = (await readdir(dir)).filter((f) => f.endsWith('.flow.json')).sort()
  for (const file of files) {
    const name = file.slice(0, -'.flow.json'.length)
    let doc: unknown
    try {
      doc = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (error) {
      log.warn(`example ${file} is not valid JSON and was not loaded`, { error: (error as Error).message })
      continue
    }
    const result = validateFlow(doc, registry)
    if (!result.ok) {
      log.warn(`example ${file} is not valid and was not loaded`, { problems: result.problems.map((p) => `${p.path}: ${p.message}`) })
      continue
    }
    samples.set(result.flow.id, await readSamples(dir, `${name}.inputs.json`, log))
    const draft = await store.flows.getDraft(result.flow.id)
    if (draft && (draft.updatedBy !== LOADER || (await store.flows.listVersions(result.flow.id)).length > 0)) continue
    // Also when a crash came between saving the example and publishing it.
    await store.flows.saveDraft(result.flow.id, result.flow, LOADER)
    await store.flows.publish(result.flow.id, LOADER, `loaded from examples/${file}`)
  }
  return samples
}

async function readSamples(dir: string, file: string, log: Logger): Promise<Sample[]> {
  let text: string
  try {
    text = await readFile(join(dir, file), 'utf8')
  } catch {
    return []
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    log.warn(`sample inputs ${file} are not valid JSON and were not loaded`, { error: (error as Error).message })
    return []
  }
  const valid = Array.isArray(parsed) && parsed.every((s) => s && typeof s === 'object' && typeof s.name === 'string' && 'input' in s)
  if (!valid) {
    log.warn(`sample inputs ${file} should be a list of { name, input } and were not loaded`)
    return []
  }
  return parsed as Sample[]
}
