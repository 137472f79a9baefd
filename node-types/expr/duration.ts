/**
 * ISO 8601 durations ("P3D", "PT4H", "P1M") for deadlines, expiries and
 * timers. Parsing comes from tinyduration; adding is done in UTC so a
 * deadline means the same on every server, whatever its time zone.
 */
import { parse } from 'tinyduration'

export class DurationError extends Error {
  readonly code = 'duration.invalid'
}

/** Absolute ISO time `duration` after `from`. */
export function addDuration(from: Date, duration: string): Date {
  let d: ReturnType<typeof parse>
  try {
    d = parse(duration)
  } catch {
    throw new DurationError(`'${duration}' is not an ISO 8601 duration such as P3D, PT4H or P1DT12H`)
  }
  const sign = d.negative ? -1 : 1
  const out = new Date(from.getTime())
  if (d.years) out.setUTCFullYear(out.getUTCFullYear() + sign * d.years)
  if (d.months) out.setUTCMonth(out.getUTCMonth() + sign * d.months)
  const ms = (((d.weeks ?? 0) * 7 + (d.days ?? 0)) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000
  return new Date(out.getTime() + sign * ms)
}

/** True when `value` parses as an ISO 8601 duration. */
export function isDuration(value: string): boolean {
  try {
    parse(value)
    return true
  } catch {
    return false
  }
}
