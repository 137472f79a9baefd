/**
 * Reading a money number written the English or the German way: "1,250.50",
 * "1.250,50", "1 250,50", "1'250.50", "5.000", "12,5".
 */

/**
 * The value of a number whose decimal and thousands separators are unknown.
 * With both "." and "," the later one is the decimal mark. With one kind used
 * once and followed by exactly three digits it groups thousands ("5.000",
 * "1,250"), otherwise it is the decimal mark ("12.50", "12,5").
 *
 * @example
 * parseMoneyNumber('1.250,50') // 1250.5
 * parseMoneyNumber('1,250.50') // 1250.5
 * parseMoneyNumber('5.000')    // 5000
 */
export function parseMoneyNumber(raw: string): number {
  const digits = raw.replace(/[\s'’\u00a0\u202f]/g, '')
  const lastDot = digits.lastIndexOf('.')
  const lastComma = digits.lastIndexOf(',')
  let decimalAt = -1
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma)
  } else if (lastDot >= 0 || lastComma >= 0) {
    const at = Math.max(lastDot, lastComma)
    const separator = digits[at]
    const once = digits.indexOf(separator) === at
    const grouping = digits.length - at - 1 === 3 && !digits.startsWith('0')
    if (once && !grouping) decimalAt = at
  }
  const whole = (decimalAt < 0 ? digits : digits.slice(0, decimalAt)).replace(/[.,]/g, '')
  const fraction = decimalAt < 0 ? '' : digits.slice(decimalAt + 1)
  return Number(fraction ? `${whole}.${fraction}` : whole)
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(k|tsd|thousand|tausend)$/i, 1e3],
  [/^(m|mio|million|millionen|millions)$/i, 1e6],
  [/^(bn|mrd|billion|billions|milliarde|milliarden)$/i, 1e9],
]

/** The factor a suffix such as "k", "Mio." or "million" stands for; 1 for none. */
export function multiplierOf(suffix: string | undefined): number {
  const word = (suffix ?? '').trim().replace(/\.$/, '')
  if (!word) return 1
  return MULTIPLIERS.find(([pattern]) => pattern.test(word))?.[1] ?? 1
}
