/**
 * A least-recently-used cache of run documents, so
 * the engine's read-modify-append loop on a hot run never touches the disk.
 * Only durable copies go in; callers get clones, never these objects.
 */
import type { RunDoc } from './run-store.js'

export interface CachedRun {
  doc: RunDoc
}

export class RunCache {
  private runs = new Map<string, CachedRun>()

  constructor(private readonly limit: number) {}

  get(runId: string): CachedRun | undefined {
    const run = this.runs.get(runId)
    if (run) {
      this.runs.delete(runId)
      this.runs.set(runId, run)
    }
    return run
  }

  set(runId: string, run: CachedRun): void {
    this.runs.delete(runId)
    this.runs.set(runId, run)
    while (this.runs.size > this.limit) {
      const oldest = this.runs.keys().next().value
      if (oldest === undefined) break
      this.runs.delete(oldest)
    }
  }
}
