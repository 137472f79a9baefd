/**
 * Designer benchmark: production build size (initial JS and the editor,
 * gzip; Monaco and elk must be in neither), time to open a 1,000-step flow
 * in headless Chromium, and the median frame time while panning it.
 * Targets: initial JS ≤ 200 KB gzip, open ≤ 1.5 s, median frame ≤ 16.7 ms.
 *
 * Run: npx tsx bench/designer.bench.ts  (writes bench/results/designer.json)
 */
import { execSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startServer } from '../runtime/server.js'
import { largeFlow } from './designer-flow.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'designer', 'dist')
type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; name?: string; src?: string }>

function chunkClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const k of manifest[key]?.imports ?? []) visit(k)
  }
  keys.forEach(visit)
  return seen
}

function gzipKb(manifest: Manifest, keys: Set<string>): number {
  let bytes = 0
  for (const k of keys) bytes += gzipSync(readFileSync(join(DIST, manifest[k].file)), { level: 9 }).length
  return Math.round(bytes / 102.4) / 10
}

export async function benchDesigner() {
  execSync('npm run build --silent', { cwd: ROOT, stdio: 'pipe' })
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest
  // The designer's page (the portal and sign-in pages are entries of their own).
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && manifest[k].src === 'index.html')!
  const initial = chunkClosure(manifest, [entry])
  // Opening the editor loads its chunk and, in parallel, the built-in node types (zod, CEL); elk and Monaco only on demand.
  const onDemand = /elk|layout|monaco/i
  const editor = new Set<string>()
  const visit = (key: string) => {
    if (editor.has(key) || onDemand.test(key)) return
    editor.add(key)
    for (const k of [...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? [])]) visit(k)
  }
  for (const k of initial) editor.add(k)
  for (const k of Object.keys(manifest)) if (/^src\/editor\/EditorPage|load-builtins|node-types\/builtin\/index/.test(k)) visit(k)
  const heavy = [...initial].filter((k) => onDemand.test(manifest[k].file))
  const monacoKey = Object.keys(manifest).find((k) => /monaco-kit/.test(k))
  const monaco = monacoKey ? gzipKb(manifest, new Set([monacoKey])) : 0
  const size = { initialJsGzipKb: gzipKb(manifest, initial), editorJsGzipKb: gzipKb(manifest, editor), monacoJsGzipKb: monaco, heavyInInitial: heavy }

  const key = 'designer-bench-key-0123456789abcdef'
  const auth = { authorization: `Bearer ${key}` }
  const server = await startServer({ port: 0, memory: true, examples: false, apiKey: key })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
  try {
    const flow = largeFlow(1000)
    await fetch(`${server.url}/api/flows/${flow.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(flow) })
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: auth })).newPage()
    const opens: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now()
      await page.goto(`${server.url}/flows/${flow.id}`)
      await page.waitForFunction('document.querySelectorAll(".react-flow__node").length >= 200', null, { timeout: 30_000 })
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
      opens.push(Date.now() - t0)
    }
    // A string, not a function: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(`(() => {
      window.frames_ = []
      let last = performance.now()
      const tick = (t) => { window.frames_.push(t - last); last = t; requestAnimationFrame(tick) }
      requestAnimationFrame(tick)
    })()`)
    await page.mouse.move(700, 450)
    await page.mouse.down()
    for (let i = 0; i < 120; i++) await page.mouse.move(700 + Math.sin(i / 10) * 250, 450 + Math.cos(i / 10) * 150)
    await page.mouse.up()
    const frames = ((await page.evaluate('window.frames_')) as number[]).slice(2).sort((a, b) => a - b)
    const median = frames[Math.floor(frames.length / 2)] ?? 0
    const result = { ...size, openLargeFlowMs: Math.min(...opens), openRunsMs: opens, nodes: 1000, panFrames: frames.length, panMedianFrameMs: Math.round(median * 10) / 10, panP95FrameMs: Math.round((frames[Math.floor(frames.length * 0.95)] ?? 0) * 10) / 10 }
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
    writeFileSync(join(ROOT, 'bench', 'results', 'designer.json'), JSON.stringify(result, null, 2) + '\n')
    return result
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchDesigner()
  console.log(JSON.stringify(r, null, 2))
}
