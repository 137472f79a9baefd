/** E-mail addresses; the domain is lowercased, the local part kept as written. */
import type { Finding } from './finding.js'

const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])/g

/**
 * @example
 * extractEmails('Write to Anna.Berg@Example.COM.')
 * // → [{ text: 'Anna.Berg@Example.COM', index: 9, value: 'Anna.Berg@example.com' }]
 */
export function extractEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((match) => {
    const [local, domain] = match[0].split('@')
    return { text: match[0], index: match.index ?? 0, value: `${local}@${domain.toLowerCase()}` }
  })
}
