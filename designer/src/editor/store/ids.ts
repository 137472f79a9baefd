/** Readable, unique ids for new nodes and edges ("review", "review-2", "e11"). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const clean = slug(base) || 'step'
  if (!used.has(clean)) return clean
  for (let i = 2; ; i++) if (!used.has(`${clean}-${i}`)) return `${clean}-${i}`
}

export function nextEdgeId(taken: Iterable<string>): string {
  let max = 0
  const used = new Set(taken)
  for (const id of used) {
    const m = /^e(\d+)$/.exec(id)
    if (m) max = Math.max(max, Number(m[1]))
  }
  let n = max + 1
  while (used.has(`e${n}`)) n++
  return `e${n}`
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 60)
}

export function isValidId(id: string): boolean {
  return ID.test(id) && id.length <= 100
}
