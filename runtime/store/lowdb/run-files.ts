/**
 * Run persistence for the lowdb store: one durable file per run, buckets of
 * runs created together, and a batch write that writes every file in
 * parallel, then fsyncs each touched folder once. At open it walks every
 * bucket, removes temp files a crash left behind and loads each run.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunDoc, RunPersistence } from '../run-store.js'
import { StoreError } from '../errors.js'
import { TEMP_SUFFIX, fsyncDir, parseChecked, readJson, writeJson } from './durable-file.js'
import { readFiles } from './file-reader.js'
import { BUCKET_PATTERN, RUNS_PER_BUCKET, bucketName, checkRunDoc, runFileName } from './run-file-format.js'

export class RunFiles implements RunPersistence {
  private bucketOf = new Map<string, string>()
  private current = { n: 0, count: Number.POSITIVE_INFINITY }
  private knownDirs = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly runsPerBucket = RUNS_PER_BUCKET,
  ) {}

  /** Load every run, calling `onRun` for each; reports removed temp files through `warn`. */
  async open(onRun: (doc: RunDoc) => void, warn: (message: string) => void, readers = 4): Promise<void> {
    await mkdir(this.root, { recursive: true })
    this.knownDirs.add(this.root)
    const buckets = (await readdir(this.root)).filter((name) => BUCKET_PATTERN.test(name)).sort()
    const files: { runId: string; bucket: string }[] = []
    const removed: string[] = []
    for (const bucket of buckets) {
      const dir = join(this.root, bucket)
      this.knownDirs.add(dir)
      let count = 0
      for (const name of await readdir(dir)) {
        if (name.endsWith(TEMP_SUFFIX)) {
          await unlink(join(dir, name))
          removed.push(join(bucket, name))
        } else if (name.endsWith('.json')) {
          files.push({ runId: name.slice(0, -'.json'.length), bucket })
          count++
        }
      }
      this.current = { n: Number(bucket.slice(1)), count }
    }
    if (removed.length > 0) {
      warn(`removed ${removed.length} unfinished write(s) left by a crash (never acknowledged): ${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}`)
    }
    const paths: string[] = []
    const ids = new Map<string, string>()
    for (const { runId, bucket } of files) {
      const seen = this.bucketOf.get(runId)
      if (seen) throw new StoreError('STORE_CORRUPT', `run ${runId} is stored twice, in ${seen} and ${bucket} under ${this.root}; move one of them out of the data folder`)
      this.bucketOf.set(runId, bucket)
      const path = join(this.root, bucket, runFileName(runId))
      paths.push(path)
      ids.set(path, runId)
    }
    await readFiles(
      paths,
      (batch) => {
        for (const { path, text } of batch) {
          const runId = ids.get(path) as string
          onRun(parseChecked(path, text, checkRunDoc(runId), `run ${runId}`))
        }
      },
      { workers: readers },
    )
  }

  async read(runId: string): Promise<RunDoc | undefined> {
    const bucket = this.bucketOf.get(runId)
    if (!bucket) return undefined
    return readJson(join(this.root, bucket, runFileName(runId)), checkRunDoc(runId), `run ${runId}`)
  }

  async write(docs: RunDoc[]): Promise<void> {
    const dirs = new Set<string>()
    const paths: string[] = []
    for (const doc of docs) {
      let bucket = this.bucketOf.get(doc.runId)
      if (!bucket) this.bucketOf.set(doc.runId, (bucket = this.allocate()))
      const dir = join(this.root, bucket)
      if (!this.knownDirs.has(dir)) {
        await mkdir(dir, { recursive: true })
        this.knownDirs.add(dir)
        dirs.add(this.root)
      }
      dirs.add(dir)
      paths.push(join(dir, runFileName(doc.runId)))
    }
    await Promise.all(docs.map((doc, i) => writeJson(paths[i], doc, false)))
    await Promise.all([...dirs].map(fsyncDir))
  }

  private allocate(): string {
    if (this.current.count >= this.runsPerBucket) this.current = { n: this.current.n + 1, count: 0 }
    this.current.count++
    return bucketName(this.current.n)
  }
}
