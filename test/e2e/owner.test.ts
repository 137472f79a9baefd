/**
 * The owner's pages in a real browser, signed in as business owners: moving
 * a slider updates the what-if; saving (with a reason) makes new runs use the
 * new value while a run already waiting keeps the one it started with; a
 * second owner approves a change that needs approval; the metrics dashboard
 * draws its charts and retrains the AI. axe-core finds no serious or critical
 * problem. Screenshots go to test/e2e/screenshots/owner-*.png and metrics-*.png.
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRun, startTestServer, waitForRunStatus, type TestServer } from '../helpers/api.js'
import { TEST_PASSWORD } from '../helpers/people.js'
import { buildOnce, CHROMIUM, SCREENSHOTS } from './designer-harness.js'
import { GREY_ZONE_NOTE, seedPastCases, startedWith, travelClock } from './owner-seed.js'
import { seriousViolations } from './portal-harness.js'

const DOCS = join(SCREENSHOTS, '..', '..', '..', 'designer', 'docs')
const OWNER_VIEW = '/flows/loan-approval/owner'

let t: TestServer
let browser: Browser
let waitingRunId: string

beforeAll(async () => {
  await buildOnce()
  const clock = travelClock()
  t = await startTestServer({ examples: true, clock })
  await t.people.as('olivia', { roles: ['owner'] })
  await t.people.as('oscar', { roles: ['owner'] })
  await seedPastCases(t.api, clock)
  // Scored about 0.70: waits for a credit officer at the published threshold (0.80).
  waitingRunId = await startRun(t.api, 'loan-approval', { applicant: 'Wanda Waiting', amount: 9000, note: GREY_ZONE_NOTE })
  await waitForRunStatus(t.api, waitingRunId, 'waiting')
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** A desktop page signed in through the sign-in page as `username`, at `next`. */
async function signedIn(username: string, next: string, scale = 1): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: scale, locale: 'en-GB' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text())
  })
  await page.goto(`${t.url}/login?next=${encodeURIComponent(next)}`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(TEST_PASSWORD)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname === next)
  return { page, errors }
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText()
const whatIfSettled = (page: Page) => page.locator('[data-testid=what-if][aria-busy=false]').waitFor()
const chartsReady = (page: Page, n: number) => expect.poll(() => page.locator('.ow-chart[data-ready]').count(), { timeout: 15_000 }).toBe(n)
/** A full-page screenshot from the top, once the charts have finished animating. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0))
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
}

/** Drag the slider's thumb as a person would, then fine-tune with the arrow keys to exactly `target`. */
async function moveSlider(page: Page, name: string, target: number, step: number): Promise<void> {
  const slider = page.getByTestId(`slider-${name}`)
  const box = (await slider.boundingBox())!
  const [min, max, from] = await slider.evaluate((el: HTMLInputElement) => [Number(el.min), Number(el.max), Number(el.value)])
  const x = (v: number) => box.x + 8 + ((v - min) / (max - min)) * (box.width - 16)
  const y = box.y + box.height / 2
  await page.mouse.move(x(from), y)
  await page.mouse.down()
  await page.mouse.move(x(target), y, { steps: 8 })
  await page.mouse.up()
  for (let i = 0; i < 20; i++) {
    const now = Number(await slider.inputValue())
    if (Math.abs(now - target) < step / 2) return
    await slider.press(now > target ? 'ArrowLeft' : 'ArrowRight')
  }
  throw new Error(`slider ${name} did not reach ${target}`)
}

describe('the owner view', () => {
  it('lands an owner on the flows, shows the what-if as a slider moves, and a saved value reaches new runs only', async () => {
    const { page, errors } = await signedIn('olivia', '/', 2)
    // An owner's flow list opens a flow's settings, not the canvas, and offers no designer actions.
    await expect.poll(() => page.locator('[data-flow-id=loan-approval] .flow-row-main').getAttribute('href')).toBe(OWNER_VIEW)
    expect(await page.getByTestId('new-flow').count()).toBe(0)
    await shot(page, 'owner-00-flows.png')
    await page.locator('[data-flow-id=loan-approval] .flow-row-main').click()
    await page.waitForURL(`**${OWNER_VIEW}`)
    await whatIfSettled(page)
    await chartsReady(page, 1)
    expect(await text(page, 'value-autoApproveScore')).toBe('0.80')
    expect(await text(page, 'what-if-basis')).toContain('25 past cases')
    const before = await text(page, 'wi-automation')
    expect(before).toContain('4 of 25 cases')
    expect(await page.getByTestId('wi-errors').locator('.ow-tile-value').innerText()).toBe('0')
    expect(await text(page, 'what-if')).toContain('What the settings in force do')

    await moveSlider(page, 'autoApproveScore', 0.65, 0.01)
    expect(await text(page, 'value-autoApproveScore')).toBe('0.65')
    await expect.poll(() => text(page, 'wi-automation')).toContain('13 of 25 cases (now 4)')
    await whatIfSettled(page)
    // The nurse's application (twice) would be approved automatically; a credit officer had rejected it.
    expect(await page.getByTestId('wi-errors').locator('.ow-tile-value').innerText()).toBe('2')
    expect(await page.getByTestId('wi-errors').getAttribute('class')).toContain('ow-tile-bad')
    expect(await text(page, 'wi-workload')).toContain('9 fewer than now (21)')
    expect(await page.getByTestId('wi-hours').locator('.ow-tile-value').innerText()).toMatch(/^[\d.]+ hours?$/)
    await chartsReady(page, 2)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'owner-01-what-if.png')
    await page.screenshot({ path: join(DOCS, 'owner-view.png') })

    await expect.poll(() => page.getByTestId('save-parameters').isDisabled()).toBe(true)
    await page.getByTestId('reason').fill('Credit officers are overloaded; the AI was right on these scores')
    await page.getByTestId('save-parameters').click()
    await expect.poll(() => page.locator('.toast').first().innerText()).toContain('Saved as version 1: new cases use it from now on')
    await expect.poll(() => page.locator('[data-testid=history] [data-version="1"]').innerText()).toContain('In force')
    expect(await page.locator('[data-testid=history] [data-version="1"]').innerText()).toContain('Approve automatically from score: 0.80 → 0.65')
    expect(await page.getByTestId('save-changes').count()).toBe(0)
    await shot(page, 'owner-02-saved.png')

    // A new application with the same kind of note is now approved automatically, with the new value and version.
    const newRunId = await startRun(t.api, 'loan-approval', { applicant: 'Nico New', amount: 9000, note: GREY_ZONE_NOTE })
    expect(await waitForRunStatus(t.api, newRunId)).toMatchObject({ status: 'completed', outcome: 'approved' })
    expect(await startedWith(t.api, newRunId)).toMatchObject({ params: { autoApproveScore: 0.65 }, parametersVersion: 1 })
    // The run that was already waiting keeps the values it started with.
    expect((await t.api('GET', `/api/runs/${waitingRunId}`)).body.status).toBe('waiting')
    const waiting = await startedWith(t.api, waitingRunId)
    expect(waiting.params.autoApproveScore).toBe(0.8)
    expect(waiting.parametersVersion).toBeUndefined()
    expect(errors).toEqual([])
  }, 120_000)

  it('asks a second owner to approve a change, who approves it; the author cannot', async () => {
    const { page: olivia, errors } = await signedIn('olivia', OWNER_VIEW)
    await olivia.getByTestId('require-approval').check()
    await expect.poll(() => olivia.locator('.toast').first().innerText()).toContain('a second owner approves every change')
    await olivia.getByTestId('duration-reviewDue').fill('1')
    expect(await text(olivia, 'value-reviewDue')).toBe('1 day')
    await olivia.getByTestId('reason').fill('Applicants complained about waiting two days')
    await olivia.getByRole('button', { name: 'Ask for approval' }).click()
    await expect.poll(() => olivia.getByTestId('pending').innerText()).toContain('Version 2 waits for approval')
    expect(await olivia.getByTestId('pending').innerText()).toContain('Review due within: 2 days → 1 day')
    expect(await olivia.getByTestId('approve').count()).toBe(0)
    expect(await olivia.getByTestId('pending').innerText()).toContain('another owner approves it')
    expect(await text(olivia, 'value-reviewDue')).toBe('2 days')

    const { page: oscar } = await signedIn('oscar', OWNER_VIEW)
    await whatIfSettled(oscar)
    expect(await seriousViolations(oscar)).toEqual([])
    await oscar.getByRole('button', { name: 'Show what it would do' }).click()
    expect(await text(oscar, 'value-reviewDue')).toBe('1 day')
    await expect.poll(() => text(oscar, 'what-if')).toContain('What your change would have done')
    expect(await oscar.getByTestId('save-changes').count()).toBe(0)
    await shot(oscar, 'owner-03-pending-approval.png')
    await oscar.getByTestId('approve').click()
    await expect.poll(() => oscar.locator('.toast').first().innerText()).toContain('Version 2 approved')
    await expect.poll(() => oscar.locator('[data-testid=history] [data-version="2"]').innerText()).toContain('In force')
    expect(await oscar.locator('[data-testid=history] [data-version="2"]').innerText()).toContain('approved by oscar')
    expect(await text(oscar, 'value-reviewDue')).toBe('1 day')
    expect(await oscar.getByTestId('save-changes').count()).toBe(0)
    expect(await startedWith(t.api, await startRun(t.api, 'loan-approval', { applicant: 'Ida', amount: 100, note: 'Student with part time job' }))).toMatchObject({ params: { reviewDue: 'P1D', autoApproveScore: 0.65 }, parametersVersion: 2 })

    // Rolling back is a change too: it says why, and waits for the other owner.
    await oscar.getByRole('button', { name: 'Roll back to version 1' }).click()
    await oscar.getByRole('dialog').getByRole('textbox').fill('Reviewers cannot keep up with one day')
    await oscar.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click()
    await expect.poll(() => oscar.getByTestId('pending').innerText()).toContain('Version 3 waits for approval')
    expect(await oscar.getByTestId('pending').innerText()).toContain('Review due within: 1 day → 2 days')
    await shot(oscar, 'owner-04-history.png')
    expect(errors).toEqual([])
  }, 120_000)
})

describe('the metrics dashboard', () => {
  it('shows the rates, the calibration chart and the trend per day, exports the answers and retrains the AI', async () => {
    const { page, errors } = await signedIn('olivia', OWNER_VIEW)
    await page.getByRole('link', { name: 'Metrics' }).click()
    await page.waitForURL('**/flows/loan-approval/metrics')
    // Automation, time to decide, deadlines, calibration; the loan flow asks customers nothing, and says so.
    await chartsReady(page, 4)
    expect(await page.getByText('No customer was asked anything in this period').count()).toBe(1)
    expect(await text(page, 'm-automation')).toMatch(/Handled automatically\s+\d+%/)
    expect(await text(page, 'm-override')).toContain('of 20 review decisions')
    expect(await text(page, 'm-confirmed')).toContain('no customer answers yet')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'metrics-01-dashboard.png')

    const dataset = await page.evaluate(async (href) => (await (await fetch(href)).text()).trim().split('\n').map((l) => JSON.parse(l)), (await page.getByTestId('dataset-link').getAttribute('href'))!)
    expect(dataset.length).toBe(20)
    expect(dataset[0]).toMatchObject({ flowId: 'loan-approval', kind: expect.any(String) })

    // The loan's reviewers decide approve/reject; the AI says good/risky: the page asks which means which, then retrains.
    await page.getByTestId('retrain').click()
    await expect.poll(() => page.locator('.label-mapping').count()).toBe(1)
    expect(await page.locator('.label-mapping select').first().inputValue()).toBe('good')
    await page.getByTestId('retrain').click()
    await expect.poll(() => page.getByTestId('retrain-result').count()).toBe(1)
    expect(await text(page, 'accuracy-before')).toMatch(/^(\d+%|–)$/)
    expect(await text(page, 'accuracy-after')).toMatch(/^(\d+%|–)$/)
    expect(await text(page, 'retrain-result')).toMatch(/Learned from \d+ reviewed answers of \d+ cases/)
    await shot(page, 'metrics-02-retrained.png')
    expect(errors).toEqual([])
  }, 120_000)
})
