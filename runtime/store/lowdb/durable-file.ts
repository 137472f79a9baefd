/**
 * Durable JSON files through lowdb's Adapter extension point. A write goes to
 * a temp file in the same folder, is fsynced, renamed over the target, and the
 * folder is fsynced (now, or once per batch by the caller): after a crash a
 * file holds either its old or its new content, never a torn mix.
 */
import { readFile as readFileCallback } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { StoreError } from '../errors.js'

/** Temp files end with this; any found at open were never renamed, so never acknowledged. */
export const TEMP_SUFFIX = '.tmp'

/** Checks a parsed file and returns it typed, or a sentence saying what is wrong. */
export type Check<T> = (data: unknown) => T | string

let tempCounter = 0

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly options: { check: Check<T>; syncDir: boolean; what: string },
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readText(this.path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    return parseChecked(this.path, text, this.options.check, this.options.what)
  }

  async write(data: T): Promise<void> {
    await writeDurable(this.path, JSON.stringify(data), this.options.syncDir)
  }
}

/** The callback readFile: several times faster than fs/promises for many small files. */
function readText(path: string): Promise<string> {
  return new Promise((resolve, reject) => readFileCallback(path, 'utf8', (err, text) => (err ? reject(err) : resolve(text))))
}

/** Read one file through lowdb; undefined when it does not exist. */
export async function readJson<T>(path: string, check: Check<T>, what: string): Promise<T | undefined> {
  const db = new Low<T | null>(new DurableJsonFile<T | null>(path, { check, syncDir: false, what }), null)
  await db.read()
  return db.data ?? undefined
}

/** Write one file through lowdb, durably; `syncDir: false` leaves the folder fsync to the caller. */
export async function writeJson<T>(path: string, data: T, syncDir: boolean): Promise<void> {
  const db = new Low<T>(new DurableJsonFile<T>(path, { check: (d) => d as T, syncDir, what: path }), data)
  await db.write()
}

export async function writeDurable(path: string, text: string, syncDir: boolean): Promise<void> {
  const temp = `${path}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`
  try {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => undefined)
    throw err
  }
  if (syncDir) await fsyncDir(dirname(path))
}

/** Make renames and new entries in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function parseChecked<T>(path: string, text: string, check: Check<T>, what: string): T {
  let problem: string
  if (text.trim() === '') problem = 'is empty'
  else {
    try {
      const result = check(JSON.parse(text))
      if (typeof result !== 'string') return result
      problem = result
    } catch (err) {
      problem = `is not valid JSON (${(err as Error).message})`
    }
  }
  throw corrupt(path, problem, what)
}

export function corrupt(path: string, problem: string, what: string): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    `data file ${path} ${problem}. The store did not open, so nothing was changed: restore this file from a backup, ` +
      `or move it out of the data folder (losing ${what}) and open the store again.`,
  )
}
