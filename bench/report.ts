/** Print benchmark figures beside their targets and baselines, as one table. */

export interface Figure {
  name: string
  value: number
  unit: string
  /** The target, and whether higher is better. */
  target?: { value: number; higherIsBetter: boolean }
  /** What it is compared with in the same run (a plain loop, a 1k store). */
  baseline?: string
}

export function printReport(figures: Figure[]): boolean {
  const rows = figures.map((f) => ({
    measure: f.name,
    value: `${format(f.value)} ${f.unit}`,
    target: f.target ? `${f.target.higherIsBetter ? '≥' : '≤'} ${format(f.target.value)}` : '',
    met: f.target ? (meets(f) ? 'yes' : 'NO') : '',
    baseline: f.baseline ?? '',
  }))
  console.table(rows)
  return figures.every((f) => !f.target || meets(f))
}

function meets(f: Figure): boolean {
  return f.target!.higherIsBetter ? f.value >= f.target!.value : f.value <= f.target!.value
}

function format(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US')
  return value.toFixed(value >= 10 ? 1 : 2)
}
