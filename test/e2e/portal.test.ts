/**
 * The customer portal in a real browser on a phone-sized screen: a customer
 * opens the link, picks a date and the run goes on; the link then says it
 * was answered. Expired and invalid links get their own pages, German
 * follows the browser or ?lang=, the keyboard alone can answer, and axe-core
 * finds no serious or critical problem on any of these pages.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestToken, publishFlow, startRun, waitForRunStatus } from '../helpers/api.js'
import { chooseFlow, flow } from '../helpers/flows.js'
import { phonePage, seriousViolations, shot, startPortalHarness, type PortalHarness } from './portal-harness.js'

const SAMPLE = { customer: 'Ada Keller', email: 'ada@example.com', orderId: 'A-1042', availability: 'We can deliver on 12 March 2030, on 14.03.2030 or on 18 March 2030 in the morning.' }

let h: PortalHarness
beforeAll(async () => {
  h = await startPortalHarness()
  await publishFlow(h.t.api, chooseFlow('quick', { expiresIn: 'PT1S' }))
  await publishFlow(
    h.t.api,
    flow(
      'feedback',
      [
        { id: 'start', type: 'start' },
        { id: 'rate', type: 'customer-confirmation', config: { kind: 'rate', to: 'input.email', subject: 'How did we do?', message: 'Please rate the answer to your ticket.', remindBefore: [] } },
        { id: 'done', type: 'end', config: { outcome: 'rated' } },
        { id: 'late', type: 'end', config: { outcome: 'late' } },
      ],
      ['start.next->rate', 'rate.rate->done', 'rate.expired->late'],
    ),
  )
}, 180_000)
afterAll(async () => h?.close())

const linkFor = async (flowId: string, input: object) => {
  const runId = await startRun(h.t.api, flowId, input)
  return { runId, path: `/c/${await latestToken(h.t.api, runId)}` }
}

describe('the customer portal', () => {
  it('lets a customer pick a date on a phone, continues the run, and then says the link was answered', async () => {
    const { runId, path } = await linkFor('delivery-date', SAMPLE)
    const { page, errors } = await phonePage(h)
    await page.goto(`${h.t.url}${path}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Choose your delivery date for order A-1042')
    const options = page.getByRole('radio')
    await expect.poll(() => options.count()).toBe(4)
    expect(await page.getByText('Thursday, 14 March 2030').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-01-choose.png')

    await page.getByRole('radio', { name: 'Thursday, 14 March 2030' }).check()
    await page.getByRole('button', { name: 'Send answer' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-02-thanks.png')
    expect(await waitForRunStatus(h.t.api, runId)).toMatchObject({ outcome: 'scheduled', output: { deliveryDate: '2030-03-14' } })

    await page.reload()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Already answered')
    expect(await page.locator('.given').textContent()).toContain('Thursday, 14 March 2030')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-03-already-answered.png')
    expect(errors).toEqual([])
  })

  it('says when a link has expired', async () => {
    const { path } = await linkFor('quick', { name: 'Bo', email: 'bo@example.com', dates: ['2030-02-01'] })
    await new Promise((r) => setTimeout(r, 1_200))
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}${path}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('This link has expired')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-04-expired.png')
  })

  it('says when a link is not valid', async () => {
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}/c/${'x'.repeat(43)}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('This link is not valid')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-05-not-found.png')
  })

  it('speaks German to a German browser, and switches language on request', async () => {
    const { path } = await linkFor('delivery-date', SAMPLE)
    const { page } = await phonePage(h, 'de-DE')
    await page.goto(`${h.t.url}${path}`)
    await expect.poll(() => page.locator('legend').textContent()).toBe('Bitte wählen Sie eine Möglichkeit')
    expect(await page.getByText('Donnerstag, 14. März 2030').count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('de')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-06-german.png')
    await page.getByRole('link', { name: 'English' }).click()
    await expect.poll(() => page.locator('legend').textContent()).toBe('Choose one')
  })

  it('asks for a choice before sending, and announces it', async () => {
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}${(await linkFor('delivery-date', SAMPLE)).path}`)
    await page.getByRole('button', { name: 'Send answer' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Please choose one of the options.')
  })

  it('asks what would suit instead only of a customer who wants none of the dates', async () => {
    const { runId, path } = await linkFor('delivery-date', SAMPLE)
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}${path}`)
    const instead = page.getByLabel('What would suit you instead?')
    await expect.poll(() => page.getByRole('radio').count()).toBe(4)
    expect(await instead.isVisible()).toBe(false)
    await page.getByRole('radio', { name: 'None of these suit me' }).check()
    expect(await instead.isVisible()).toBe(true)
    await instead.fill('Any Saturday in March')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-09-other.png')
    await page.getByRole('button', { name: 'Send answer' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you')
    await waitForRunStatus(h.t.api, runId, 'waiting')
    expect((await h.t.api('GET', `/api/tasks?runId=${runId}&status=open`)).body).toEqual([expect.objectContaining({ role: 'dispatcher' })])
  })

  it('lets a customer confirm or reject a contract change', async () => {
    const { runId, path } = await linkFor('contract-adjustment', { customer: 'Ada Keller', email: 'ada@example.com', contractId: 'C-2201', change: 'Your tariff changes from Basic to Plus from 1 April.' })
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}${path}`)
    await expect.poll(() => page.getByRole('button', { name: 'Reject' }).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-07-confirm.png')
    await page.getByLabel('Comment (optional)').fill('Too expensive for me')
    await page.getByRole('button', { name: 'Reject' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you')
    expect(await page.locator('.given').textContent()).toBe('Your answer: Rejected — “Too expensive for me”')
    await waitForRunStatus(h.t.api, runId, 'waiting')
    expect((await h.t.api('GET', `/api/tasks?runId=${runId}&status=open`)).body).toEqual([expect.objectContaining({ role: 'account-manager' })])
  })

  it('takes a rating with the keyboard alone', async () => {
    const { runId, path } = await linkFor('feedback', { email: 'ada@example.com' })
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}${path}`)
    await expect.poll(() => page.locator('legend').textContent()).toBe('How would you rate it?')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'portal-08-rate.png')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Quick and friendly')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you')
    expect(await waitForRunStatus(h.t.api, runId)).toMatchObject({ outcome: 'rated', output: { rating: 4, comment: 'Quick and friendly' } })
  })

  it('loads a few kilobytes of script, none of it the designer’s, under its strict CSP', async () => {
    const { page, errors } = await phonePage(h, 'en-GB', false)
    const scripts: string[] = []
    page.on('response', async (res) => {
      if (res.url().endsWith('.js')) scripts.push(await res.text())
    })
    await page.goto(`${h.t.url}${(await linkFor('delivery-date', SAMPLE)).path}`)
    await expect.poll(() => page.getByRole('radio').count()).toBe(4)
    const gzipped = scripts.reduce((sum, s) => sum + gzipSync(s).length, 0)
    expect(gzipped).toBeGreaterThan(0)
    expect(gzipped).toBeLessThan(60 * 1024)
    for (const s of scripts) expect(s).not.toMatch(/xyflow|monaco|react-dom|__REACT_DEVTOOLS/i)
    expect(errors).toEqual([])
  })
})

describe('the sign-in page', () => {
  it('signs a person in and sends them where they were going', async () => {
    const { page } = await phonePage(h)
    await page.goto(`${h.t.url}/login?next=${encodeURIComponent('/api/auth/me')}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Inloop')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The username or the password is wrong.')
    await shot(page, 'login-01-wrong-password.png')
    await page.getByLabel('Password').fill('test-admin-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/api/auth/me')
    expect(await page.textContent('body')).toContain('"username":"admin"')
  })

  it('never sends a browser on to another site after signing in', async () => {
    const page = await h.browser.newPage()
    await page.goto(`${h.t.url}/login?next=${encodeURIComponent('//evil.example/steal')}`)
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill('test-admin-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${h.t.url}/`)
  })
})
