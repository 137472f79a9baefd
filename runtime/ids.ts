/**
 * Ids that sort by creation time: `<prefix>_<ms base36><counter><random>`.
 * Runs listed by id come out oldest first; the random tail keeps ids
 * unguessable enough that one cannot be derived from another.
 */
import { randomFillSync } from 'node:crypto'
import type { IdGenerator } from './engine/deps.js'

const POOL_BYTES = 4096
const TAIL_BYTES = 5

export function createIdGenerator(): IdGenerator {
  let lastMs = 0
  let counter = 0
  // Drawing random bytes in bulk is far cheaper than one system call per id.
  const pool = Buffer.alloc(POOL_BYTES)
  let offset = POOL_BYTES
  const randomTail = () => {
    if (offset + TAIL_BYTES > POOL_BYTES) randomFillSync(pool), (offset = 0)
    const tail = pool.toString('hex', offset, offset + TAIL_BYTES)
    offset += TAIL_BYTES
    return tail
  }
  return {
    next(prefix: string): string {
      const ms = Date.now()
      if (ms === lastMs) counter++
      else (lastMs = ms), (counter = 0)
      const time = ms.toString(36).padStart(9, '0')
      const seq = counter.toString(36).padStart(4, '0')
      return `${prefix}_${time}${seq}${randomTail()}`
    },
  }
}
