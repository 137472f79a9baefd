/**
 * `GET /api/runs` beyond the store's indexes: leave out test runs (or keep
 * only them), search by run id or by any value of the run's input
 * (`?q=Ortiz`, `?q=12000`), and optionally return each run's input so a
 * list can show whose case it is. A search reads runs newest first and
 * stops after a bounded number, so it never scans a whole large store.
 */
import type { JsonObject } from '../../node-types/sdk/types.js'
import type { RunQuery, RunStore, RunSummary } from '../engine/store.js'

export interface RunSearch extends RunQuery {
  limit: number
  q?: string
  test?: boolean
  withInput?: boolean
}

export type FoundRun = RunSummary & { input?: JsonObject }

/** Runs read at most to answer one search. */
const MAX_EXAMINED = 5_000
const PAGE = 500

export async function searchRuns(runs: RunStore, query: RunSearch): Promise<FoundRun[]> {
  const { q, test, withInput, limit, ...base } = query
  const needle = q?.trim().toLowerCase()
  if (!needle && test === undefined && !withInput) return runs.listRuns({ ...base, limit })
  const found: FoundRun[] = []
  let before = base.before
  for (let examined = 0; examined < MAX_EXAMINED && found.length < limit; ) {
    const page = await runs.listRuns({ ...base, before, limit: PAGE })
    for (const summary of page) {
      if (test !== undefined && summary.test !== test) continue
      const idMatch = !needle || summary.id.toLowerCase().includes(needle)
      const input = idMatch && !withInput ? undefined : (await runs.getRun(summary.id))?.input
      if (!idMatch && !(input && inputMatches(input, needle!))) continue
      found.push(withInput ? { ...summary, input } : summary)
      if (found.length >= limit) break
    }
    examined += page.length
    if (page.length < PAGE) break
    before = page[page.length - 1].id
  }
  return found
}

/** Any value of the input (nested too) contains the text. */
function inputMatches(value: unknown, needle: string): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'object') return Object.values(value).some((v) => inputMatches(v, needle))
  return String(value).toLowerCase().includes(needle)
}
