/**
 * "Did you mean …?" for ids: the installed names closest to a misspelled one,
 * by edit distance. Lists of node types are short, so a plain O(n·m) distance
 * per name is cheap.
 */

/**
 * Names within a few edits of `wanted`, closest first.
 *
 * @example
 * nearMatches('crm-lokup', ['crm-lookup', 'rule', 'end']) // ['crm-lookup']
 */
export function nearMatches(wanted: string, names: Iterable<string>, limit = 3): string[] {
  const budget = Math.max(2, Math.floor(wanted.length / 3))
  const scored: { name: string; distance: number }[] = []
  for (const name of names) {
    const distance = editDistance(wanted, name)
    if (distance <= budget || (wanted.length >= 3 && (name.includes(wanted) || wanted.includes(name)))) scored.push({ name, distance })
  }
  return scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name)
}

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}
