/** Groups node types by category for the palette, filtered by a search text. */
import type { NodeTypeDescription } from '../../api/types'

const ORDER = ['flow', 'ai', 'logic', 'people', 'data', 'integration']
const TITLES: Record<string, string> = { flow: 'Flow', ai: 'AI', logic: 'Logic', people: 'People', data: 'Data', integration: 'Integrations' }

export interface PaletteGroup {
  category: string
  title: string
  types: NodeTypeDescription[]
}

export function paletteGroups(types: NodeTypeDescription[], search: string): PaletteGroup[] {
  const q = search.trim().toLowerCase()
  const hits = q ? types.filter((t) => `${t.title} ${t.type} ${t.description} ${t.category}`.toLowerCase().includes(q)) : types
  const groups = new Map<string, NodeTypeDescription[]>()
  for (const t of hits) groups.set(t.category, [...(groups.get(t.category) ?? []), t])
  const rank = (c: string) => (ORDER.includes(c) ? ORDER.indexOf(c) : ORDER.length)
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({ category, title: TITLES[category] ?? category.charAt(0).toUpperCase() + category.slice(1), types: list }))
}
