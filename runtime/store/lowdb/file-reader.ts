/**
 * Reads many small files fast, for loading every run at open. A few worker
 * threads read synchronously in parallel (several reads in flight for a cold
 * disk, no per-file thread-pool round trips for a warm one) and hand texts to
 * the main thread in batches; each worker keeps at most two batches ahead, so
 * memory stays bounded however many files there are.
 */
import { readFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

export interface FileText {
  path: string
  text: string
}

// Plain CommonJS so it runs the same under node, tsx and vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const { paths, batchSize } = workerData
let next = 0
parentPort.on('message', () => {
  const texts = []
  const start = next
  const end = Math.min(paths.length, next + batchSize)
  try {
    for (; next < end; next++) texts.push(readFileSync(paths[next], 'utf8'))
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err), path: paths[next] })
    return
  }
  parentPort.postMessage({ start, texts, done: next >= paths.length })
})
`

interface Reply {
  start?: number
  texts?: string[]
  done?: boolean
  error?: string
  path?: string
}

/** Call `onBatch` (synchronously, in path order within each worker's share) with the text of every file. */
export function readFiles(paths: string[], onBatch: (files: FileText[]) => void, options: { workers?: number; batchSize?: number } = {}): Promise<void> {
  const batchSize = options.batchSize ?? 128
  const count = Math.max(1, Math.min(options.workers ?? 4, Math.ceil(paths.length / batchSize)))
  if (paths.length <= batchSize * 2) {
    // Too few to be worth starting threads.
    try {
      onBatch(paths.map((path) => ({ path, text: readFileSync(path, 'utf8') })))
      return Promise.resolve()
    } catch (err) {
      return Promise.reject(err)
    }
  }
  const share = Math.ceil(paths.length / count)
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = []
    let running = count
    let failed = false
    const fail = (err: unknown): void => {
      if (failed) return
      failed = true
      for (const w of workers) void w.terminate()
      reject(err)
    }
    for (let k = 0; k < count; k++) {
      const mine = paths.slice(k * share, (k + 1) * share)
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths: mine, batchSize } })
      workers.push(worker)
      let inFlight = 2
      let finished = false
      worker.on('error', fail)
      worker.on('message', (reply: Reply) => {
        if (failed) return
        inFlight--
        if (reply.error !== undefined) return fail(new Error(`could not read ${reply.path}: ${reply.error}`))
        try {
          const texts = reply.texts ?? []
          onBatch(texts.map((text, i) => ({ path: mine[(reply.start ?? 0) + i], text })))
        } catch (err) {
          return fail(err)
        }
        finished ||= reply.done === true
        if (!finished) {
          worker.postMessage('read')
          inFlight++
        } else if (inFlight === 0) {
          void worker.terminate()
          if (--running === 0) resolve()
        }
      })
      worker.postMessage('read')
      worker.postMessage('read')
    }
  })
}
