/** A small structured logger: one JSON line per entry on stderr. */
import type { Logger } from '../node-types/sdk/types.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export function createLogger(level: LogLevel = (process.env.INLOOP_LOG as LogLevel) ?? 'info'): Logger {
  const min = ORDER[level] ?? ORDER.info
  const write = (lvl: LogLevel) => (message: string, fields?: object) => {
    if (ORDER[lvl] < min) return
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields })}\n`)
  }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}
