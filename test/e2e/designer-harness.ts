/**
 * Shared set-up for the designer's browser tests: build the app, start the
 * real server (in memory, examples loaded) and Debian's Chromium through
 * playwright-core, and a few canvas gestures (drop, connect).
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer, type RunningServer, type ServerOptions } from '../../runtime/server.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const HERE = fileURLToPath(new URL('.', import.meta.url))
export const SCREENSHOTS = join(HERE, 'screenshots')
const ROOT = join(HERE, '..', '..')

/** An admin API key for the test server; the browser sends it with every request instead of signing in. */
const API_KEY = 'designer-e2e-key-0123456789abcdef'

export interface Harness {
  url: string
  browser: Browser
  /** The server itself (its engine, store and stream hub), for tests that act behind the browser's back. */
  server: RunningServer
  /** Call the API as the admin key: `await h.api('POST', '/api/flows/x/runs', { input })`. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
  close(): Promise<void>
}

/** `options` go to the server (e.g. `{ dev: true, nodeTypesDir }` for node types reloaded while the page is open). */
export async function startHarness(options: Pick<ServerOptions, 'dev' | 'nodeTypesDir'> = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`)
  }
  await buildOnce()
  mkdirSync(SCREENSHOTS, { recursive: true })
  const server = await startServer({ port: 0, memory: true, examples: true, apiKey: API_KEY, ...options })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  return {
    url: server.url,
    browser,
    server,
    async api(method, path, body) {
      const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : undefined }
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/** A page at 1440×900 that records uncaught errors and console errors (`scale: 2` for sharp README screenshots). */
export async function openPage(h: Harness, options: { scale?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: options.scale ?? 1, extraHTTPHeaders: { authorization: `Bearer ${API_KEY}` } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
  })
  return { page, errors }
}

/** Drag a palette entry onto the canvas, with its centre at (x, y) in the pane. */
export async function dropNode(page: Page, type: string, x: number, y: number): Promise<void> {
  await page.dragAndDrop(`[data-node-type="${type}"]`, '[data-testid=canvas] .react-flow__pane', { targetPosition: { x, y } })
}

/** Drag from an output port's handle to a node's input handle. */
export async function connect(page: Page, source: string, port: string, target: string): Promise<void> {
  const from = page.locator(`.react-flow__node[data-id="${source}"] .react-flow__handle[data-handleid="${port}"]`)
  const to = page.locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
  const a = (await from.boundingBox())!
  const b = (await to.boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 })
  await page.mouse.up()
}

export async function getFlowJson(page: Page, id: string): Promise<unknown> {
  return page.evaluate(async (flowId) => (await (await fetch(`/api/flows/${flowId}`)).json()).flow, id)
}

/**
 * Where a README screenshot goes: `docs/<name>` when it is missing or
 * `INLOOP_UPDATE_DOCS=1`, else the test's screenshot folder — so a test run
 * does not rewrite the committed images every time.
 */
export function docsScreenshot(name: string): string {
  const docs = join(ROOT, 'docs')
  mkdirSync(docs, { recursive: true })
  return process.env.INLOOP_UPDATE_DOCS === '1' || !existsSync(join(docs, name)) ? join(docs, name) : join(SCREENSHOTS, `docs-${name}`)
}

export const field = (page: Page, nodeId: string, path: string) => page.locator(`[id="cfg-${nodeId}-${path}"]`)

/**
 * Fill a config field of a node. An expression field is drawn light at once
 * and becomes a Monaco editor once that has loaded: wait for Monaco, then
 * replace its text as a user would (select all, type).
 */
export async function fillField(page: Page, nodeId: string, path: string, value: string): Promise<void> {
  const id = `cfg-${nodeId}-${path}`
  const expression = page.locator(`.expr-light [id="${id}"], [data-monaco-field="${id}"]`)
  if ((await expression.count()) === 0) return field(page, nodeId, path).fill(value)
  const monaco = page.locator(`[data-monaco-field="${id}"] .monaco-editor`)
  await monaco.waitFor({ timeout: 15_000 })
  await monaco.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(value)
  await page.keyboard.press('Escape')
}

/**
 * Build the designer unless designer/dist is newer than its sources. Test
 * files run in parallel: a lock keeps a second build from emptying dist
 * under a test that is using it.
 */
export async function buildOnce(): Promise<void> {
  const lock = join(ROOT, 'node_modules', '.cache', 'inloop-designer-build.lock')
  mkdirSync(join(lock, '..'), { recursive: true })
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (waited > 180_000) throw new Error(`designer build lock ${lock} held for 3 minutes; remove it if no build is running`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  try {
    if (!isFresh()) execSync('npm run build --silent', { cwd: ROOT, stdio: 'pipe' })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function isFresh(): boolean {
  const built = join(ROOT, 'designer', 'dist', 'index.html')
  if (!existsSync(built)) return false
  const since = statSync(built).mtimeMs
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const path = join(dir, e.name)
      return Math.max(max, e.isDirectory() ? newest(path) : statSync(path).mtimeMs)
    }, 0)
  return newest(join(ROOT, 'designer', 'src')) < since && newest(join(ROOT, 'node-types')) < since && statSync(join(ROOT, 'designer', 'index.html')).mtimeMs < since
}
