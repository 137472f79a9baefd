/**
 * One process per data folder: a `LOCK` file created with O_EXCL holds the
 * owner's pid, host and start time. A lock whose process is gone (on this
 * host) is stale and is taken over, with a warning.
 */
import { hostname } from 'node:os'
import { join } from 'node:path'
import { open, readFile, unlink } from 'node:fs/promises'
import { StoreError } from '../errors.js'

export interface FolderLock {
  release(): Promise<void>
}

interface LockOwner {
  pid: number
  hostname: string
  startedAt: string
}

export const LOCK_FILE = 'LOCK'

export async function lockFolder(dir: string, warn: (message: string) => void): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE)
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(JSON.stringify(me), 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
      return { release: () => unlink(path).catch(() => undefined) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    let owner = await readOwner(path)
    if (owner === 'missing') continue
    // An unreadable lock may be one being written right now: look again before calling it stale.
    if (owner === undefined) owner = await new Promise((r) => setTimeout(r, 100)).then(() => readOwner(path))
    if (owner === 'missing') continue
    if (owner && owner.hostname !== me.hostname) {
      throw new StoreError(
        'STORE_LOCKED',
        `data folder ${dir} is locked by process ${owner.pid} on host ${owner.hostname} (since ${owner.startedAt}); ` +
          `stop that process, or delete ${path} if you are sure it no longer runs`,
      )
    }
    if (owner && isAlive(owner.pid)) {
      throw new StoreError(
        'STORE_LOCKED',
        `data folder ${dir} is in use by process ${owner.pid} (since ${owner.startedAt}); stop it or use another folder`,
      )
    }
    const who = owner ? `process ${owner.pid}, started ${owner.startedAt}, which is no longer running` : 'an unreadable lock file'
    warn(`took over the stale lock on ${dir} left by ${who}`)
    await unlink(path).catch(() => undefined)
  }
  throw new StoreError('STORE_LOCKED', `could not lock data folder ${dir}: another process keeps taking the lock`)
}

async function readOwner(path: string): Promise<LockOwner | 'missing' | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw err
  }
  try {
    const data = JSON.parse(text) as Partial<LockOwner>
    if (typeof data.pid !== 'number' || typeof data.hostname !== 'string') return undefined
    return { pid: data.pid, hostname: data.hostname, startedAt: String(data.startedAt) }
  } catch {
    // Empty or half-written: its writer died before finishing, so it is stale.
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
