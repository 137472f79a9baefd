/**
 * Numbers as a business owner reads them: rates as whole percentages,
 * counts with thousands separators, hours and waiting times in words.
 * A missing value (nothing to divide) is an en dash, never "0%".
 */
const LOCALE = 'en-GB'
export const NONE = '–'

export function percent(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NONE
  return `${(rate * 100).toLocaleString(LOCALE, { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`
}

export function count(n: number): string {
  return n.toLocaleString(LOCALE)
}

/** "1 case", "12 cases". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`
}

/** Reviewer time: "45 minutes" under an hour, else "1.5 hours". */
export function hours(h: number): string {
  const abs = Math.abs(h)
  if (abs > 0 && abs < 1) {
    const m = Math.round(abs * 60)
    return `${m} ${m === 1 ? 'minute' : 'minutes'}`
  }
  const text = abs.toLocaleString(LOCALE, { maximumFractionDigits: abs < 10 ? 1 : 0 })
  return `${text} ${text === '1' ? 'hour' : 'hours'}`
}

/** Seconds as the largest unit that reads well: "45 seconds", "12 minutes", "3.5 hours", "2.1 days". */
export function waitingTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NONE
  if (seconds < 1) return 'under a second'
  const unit = (value: number, name: string) => {
    const text = value.toLocaleString(LOCALE, { maximumFractionDigits: value < 10 ? 1 : 0 })
    return `${text} ${name}${text === '1' ? '' : 's'}`
  }
  if (seconds < 90) return unit(Math.round(seconds), 'second')
  if (seconds < 90 * 60) return unit(seconds / 60, 'minute')
  if (seconds < 36 * 3600) return unit(seconds / 3600, 'hour')
  return unit(seconds / 86_400, 'day')
}

/** "5 fewer than now", "3 more than now", "as many as now". */
export function moreOrFewer(n: number): string {
  if (n === 0) return 'as many as now'
  return `${count(Math.abs(n))} ${n > 0 ? 'more' : 'fewer'} than now`
}

/** "12 March 2026, 14:05" in the reader's time zone. */
export function dateTime(iso: string | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** "12 Mar" for a chart axis (dates are UTC days). */
export function shortDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' })
}
