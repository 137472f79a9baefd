/**
 * Ids that sort by creation time: `<prefix>_<ms base36><counter><random>`.
 * Runs listed by id come out oldest first; the random tail keeps ids
 * unguessable enough that one cannot be derived from another.
 */
import { randomBytes } from 'node:crypto'
import type { IdGenerator } from './engine/deps.js'

export function createIdGenerator(): IdGenerator {
  let lastMs = 0
  let counter = 0
  return {
    next(prefix: string): string {
      const ms = Date.now()
      if (ms === lastMs) counter++
      else (lastMs = ms), (counter = 0)
      const time = ms.toString(36).padStart(9, '0')
      const seq = counter.toString(36).padStart(4, '0')
      return `${prefix}_${time}${seq}${randomBytes(5).toString('hex')}`
    },
  }
}
