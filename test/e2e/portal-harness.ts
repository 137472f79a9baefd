/**
 * Shared set-up for the portal's browser tests: build just the two small
 * pages (customer portal, sign-in) into a temp folder — not the designer,
 * which is not theirs to wait for — start the real server on it with the
 * examples, and Debian's Chromium through playwright-core. Plus an axe-core
 * check that returns serious and critical violations.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { startTestServer, type TestServer } from '../helpers/api.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const HERE = fileURLToPath(new URL('.', import.meta.url))
export const SCREENSHOTS = join(HERE, 'screenshots')
const DESIGNER = join(HERE, '..', '..', 'designer')
const AXE = readFileSync(join(HERE, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

export interface PortalHarness {
  t: TestServer
  browser: Browser
  dist: string
  close(): Promise<void>
}

export async function startPortalHarness(): Promise<PortalHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`)
  }
  const dist = mkdtempSync(join(tmpdir(), 'inloop-portal-'))
  await build({
    configFile: false,
    root: DESIGNER,
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true, rollupOptions: { input: { portal: join(DESIGNER, 'portal.html'), login: join(DESIGNER, 'login.html') } } },
  })
  mkdirSync(SCREENSHOTS, { recursive: true })
  const t = await startTestServer({ examples: true, designerDir: dist })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  return {
    t,
    browser,
    dist,
    async close() {
      await browser.close()
      await t.close()
      rmSync(dist, { recursive: true, force: true })
    },
  }
}

/**
 * A phone-sized page (390×844) that records uncaught errors. `bypassCSP`
 * lets axe-core be injected into the pages' strict CSP; pass false to see
 * the page run under its real policy.
 */
export async function phonePage(h: PortalHarness, locale = 'en-GB', bypassCSP = true): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, bypassCSP })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
  })
  return { page, errors }
}

export interface Violation {
  id: string
  impact: string
  help: string
  nodes: string[]
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
