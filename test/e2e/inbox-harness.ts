/**
 * Shared set-up for the inbox and outbox browser tests: build the designer
 * into a temp folder (not designer/dist, which other tests may be reading),
 * start the real server on it with the examples and a seeded admin, create
 * named reviewers, and open Chromium pages signed in as any of them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { startTestServer, type Api, type TestServer } from '../helpers/api.js'
import { sessionCookie, signIn, TEST_ADMIN_PASSWORD, TEST_PASSWORD } from '../helpers/people.js'
import { CHROMIUM, SCREENSHOTS } from './portal-harness.js'

const DESIGNER = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'designer')

export const PEOPLE = {
  rita: { name: 'Rita Chen', groups: ['credit-officer'] },
  sam: { name: 'Sam Patel', groups: ['credit-officer'] },
  lea: { name: 'Lea Vogt', groups: ['legal'] },
} as const
export type Person = keyof typeof PEOPLE | 'admin'

export interface InboxHarness {
  t: TestServer
  browser: Browser
  /** An API signed in as that person. */
  as(person: Person): Promise<Api>
  /** A page signed in as that person (or no one), 1440×900 unless a size is given; records uncaught and console errors. */
  open(person?: Person, size?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>
  close(): Promise<void>
}

export async function startInboxHarness(): Promise<InboxHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`)
  }
  const dist = mkdtempSync(join(tmpdir(), 'inloop-inbox-'))
  await build({ configFile: join(DESIGNER, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } })
  mkdirSync(SCREENSHOTS, { recursive: true })
  const t = await startTestServer({ examples: true, designerDir: dist })
  for (const [username, p] of Object.entries(PEOPLE)) {
    const res = await t.api('POST', '/api/users', { username, name: p.name, roles: ['reviewer'], groups: p.groups, password: TEST_PASSWORD, email: `${username}@example.com` })
    if (res.status !== 201) throw new Error(`creating ${username} failed: ${res.text}`)
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const password = (person: Person) => (person === 'admin' ? TEST_ADMIN_PASSWORD : TEST_PASSWORD)
  const apis = new Map<Person, Promise<Api>>()
  return {
    t,
    browser,
    as(person) {
      if (!apis.has(person)) apis.set(person, signIn(t.url, person, password(person)))
      return apis.get(person)!
    },
    async open(person, size = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'en-GB', isMobile: size.width < 600, hasTouch: size.width < 600 })
      if (person) {
        const { cookie } = await sessionCookie(t.url, person, password(person))
        const at = cookie.indexOf('=')
        await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: t.url }])
      }
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
      })
      return { page, errors }
    },
    async close() {
      await browser.close()
      await t.close()
      rmSync(dist, { recursive: true, force: true })
    },
  }
}
