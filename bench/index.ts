/**
 * `npm run bench`: every benchmark in one run, each printed beside its target
 * and the baseline measured in the same run. Exit code 1 if a target is missed.
 * Pick some with arguments: `npm run bench -- engine http`.
 */
import { benchEngine } from './engine.js'
import { benchHttp } from './http.js'
import { printReport, type Figure } from './report.js'

type Bench = () => Promise<Figure[]>

const benches: Record<string, Bench> = {
  async engine() {
    const r = await benchEngine()
    const limit = `plain JS loop: ${Math.round(r.plainLoopPerSec).toLocaleString('en-US')} runs/s`
    return [
      { name: 'automated runs, in memory', value: r.memoryRunsPerSec, unit: 'runs/s', target: { value: 50_000, higherIsBetter: true }, baseline: limit },
      { name: 'automated runs, durable (lowdb, fsynced)', value: r.durableRunsPerSec, unit: 'runs/s', target: { value: 1_000, higherIsBetter: true }, baseline: limit },
    ]
  },
  async http() {
    const r = await benchHttp()
    return [{ name: 'runs started+completed via HTTP (loopback, lowdb)', value: r.httpRunsPerSec, unit: 'runs/s', target: { value: 300, higherIsBetter: true } }]
  },
}

export async function main(args: string[]): Promise<number> {
  const chosen = args.length > 0 ? args : Object.keys(benches)
  const unknown = chosen.filter((name) => !benches[name])
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`)
    return 2
  }
  const figures: Figure[] = []
  for (const name of chosen) {
    process.stderr.write(`running ${name}…\n`)
    figures.push(...(await benches[name]()))
  }
  return printReport(figures) ? 0 : 1
}
