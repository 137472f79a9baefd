/**
 * The reviewer inbox in a real browser: a reviewer signs in, finds a task,
 * corrects a field and decides (a reason first when overriding the AI), and
 * the run goes on; four eyes waits for a second person; another group's
 * reviewer neither sees the task nor gets it through the API; a colleague's
 * earlier decision is explained; it works at 390 px; axe-core finds no
 * serious or critical problem on the list and task pages. Plus the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, startRun, waitForRunStatus } from '../helpers/api.js'
import { startInboxHarness, type InboxHarness } from './inbox-harness.js'
import { seriousViolations, shot } from './portal-harness.js'

const BEN = { applicant: 'Ben Ortiz', email: 'ben@example.com', amount: 12000, note: 'Self employed for three months, income irregular, some late payments, wants to consolidate debt' }
const CHLOE = { applicant: 'Chloe Brandt', email: 'chloe@example.com', amount: 150000, note: 'Doctor with regular salary, owns home, clean repayment record, loan for practice equipment' }

let h: InboxHarness
beforeAll(async () => {
  h = await startInboxHarness()
}, 180_000)
afterAll(async () => h?.close())

const taskOf = async (input: object) => {
  const runId = await startRun(h.t.api, 'loan-approval', input)
  const [task] = await openTasks(h.t.api, runId)
  return { runId, task }
}
const toasts = (page: import('playwright-core').Page) => page.locator('[data-testid=toast] > span').allTextContents()

describe('the reviewer inbox', () => {
  it('lets a reviewer sign in, find a task, correct a field and overrule the AI with a reason, and the run goes on', async () => {
    const { runId, task } = await taskOf(BEN)
    const { page, errors } = await h.open()
    await page.goto(`${h.t.url}/inbox`)
    await page.waitForURL('**/login?next=%2Finbox')
    await page.getByLabel('Username').fill('rita')
    await page.getByLabel('Password').fill('test-password-for-people')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${h.t.url}/inbox`)
    const row = page.locator(`[data-task-id="${task.id}"]`)
    await expect.poll(() => row.textContent()).toContain('AI: Reject')
    expect(await page.getByTestId('inbox-count').textContent()).toBe('1 open task for credit-officer')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-01-list.png')

    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('proposed-decision').textContent()).toBe('Reject')
    expect(await page.getByTestId('ai-signal').textContent()).toMatch(/^AI score \(good\)\d+%$/)
    expect(await page.getByTestId('shown-inputs').textContent()).toContain('Self employed for three months')
    await page.keyboard.press('c')
    await expect.poll(() => page.getByTestId('claim-bar').textContent()).toContain('You have claimed this task')
    await page.getByLabel('Approved amount (EUR)').fill('10000')
    await expect.poll(() => page.locator('.correction').textContent()).toContain('Correction, was 12000')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-02-task.png')

    // Approve overrules the AI's "reject": the form asks for a reason and sends nothing.
    await page.keyboard.press('Escape')
    await page.keyboard.press('a')
    await expect.poll(() => page.locator('#reason-error').textContent()).toBe('The AI proposed Reject. Say why you decide Approve instead.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decision-reason')
    expect((await h.t.api('GET', `/api/tasks/${task.id}`)).body.status).toBe('open')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-03-reason-required.png')

    await page.keyboard.type('Income is regular since the new contract; a smaller loan is affordable.')
    await page.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(`${h.t.url}/inbox`)
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('Decided Approve'))
    expect(await waitForRunStatus(h.t.api, runId)).toMatchObject({ status: 'completed', outcome: 'approved' })
    expect((await h.t.api('GET', `/api/tasks/${task.id}`)).body.decision).toMatchObject({
      decision: 'approve',
      by: 'rita',
      reason: 'Income is regular since the new contract; a smaller loan is affordable.',
      corrections: { amount: { from: 12000, to: 10000 } },
    })
    expect(errors).toEqual([])
  })

  it('records the first of two approvals as pending, "1 of 2", and a second reviewer completes the run', async () => {
    const { runId, task } = await taskOf(CHLOE)
    const { page, errors } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('approval-count').textContent()).toBe('0 of 2 approvals')
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => toasts(page)).toContainEqual('Approve recorded: 1 of 2 approvals. Another reviewer has to decide too.')
    await page.waitForURL(`${h.t.url}/inbox`)
    await expect.poll(() => page.locator(`[data-task-id="${task.id}"] [data-testid=row-approvals]`).textContent()).toBe('1 of 2 approvals')
    expect((await h.t.api('GET', `/api/runs/${runId}`)).body.status).toBe('waiting')

    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('approval-count').textContent()).toBe('1 of 2 approvals')
    expect(await page.getByTestId('four-eyes').textContent()).toContain('You have approved; another reviewer has to decide now.')
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-04-four-eyes.png')

    const sam = await h.as('sam')
    expect((await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'approve' })).status).toBe(200)
    expect(await waitForRunStatus(h.t.api, runId)).toMatchObject({ status: 'completed', outcome: 'approved' })
    expect(errors).toEqual([])
  })

  it('keeps a task from a reviewer of another group, in the inbox and through the API', async () => {
    const { task } = await taskOf(BEN)
    const { page } = await h.open('lea')
    await page.goto(`${h.t.url}/`)
    await page.waitForURL(`${h.t.url}/inbox`)
    await expect.poll(() => page.getByTestId('inbox-count').textContent()).toBe('0 open tasks for legal')
    expect(await page.locator(`[data-task-id="${task.id}"]`).count()).toBe(0)
    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Not a task of your groups')
    const lea = await h.as('lea')
    expect((await lea('GET', `/api/tasks/${task.id}`)).status).toBe(403)
    expect((await lea('GET', '/api/tasks?group=credit-officer')).status).toBe(403)
    expect((await lea('POST', `/api/tasks/${task.id}/claim`)).status).toBe(403)
    expect((await lea('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject' })).status).toBe(403)
    expect((await h.t.api('GET', `/api/tasks/${task.id}`)).body).toMatchObject({ status: 'open' })
  })

  it('says who decided first when a colleague was quicker, and shows their decision', async () => {
    const { task } = await taskOf(BEN)
    const { page } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('proposed-decision').textContent()).toBe('Reject')
    const sam = await h.as('sam')
    expect((await sam('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject' })).status).toBe(200)
    await page.getByRole('button', { name: /^Reject/ }).click()
    await expect.poll(() => page.getByTestId('task-notice').textContent()).toMatch(/^Already decided: Reject by Sam Patel, just now\. Your decision was not recorded\.$/)
    await expect.poll(() => page.getByTestId('decided').textContent()).toContain('Reject by Sam Patel')
  })

  it('hands a task on to a named colleague', async () => {
    const { task } = await taskOf(BEN)
    const { page } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox`)
    await page.locator(`[data-task-id="${task.id}"]`).getByRole('button', { name: /^Hand on/ }).click()
    await page.getByTestId('reassign-person').selectOption('sam')
    await page.getByTestId('reassign-submit').click()
    await expect.poll(() => page.locator(`[data-task-id="${task.id}"] .task-holder`).textContent()).toContain('Sam Patel')
    expect((await h.t.api('GET', `/api/tasks/${task.id}`)).body.assignee).toBe('sam')
  })

  it('sends the browser to sign in when the session ends, and back to the same list afterwards', async () => {
    const { page } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox`)
    await page.getByLabel('Due', { exact: true }).selectOption('overdue')
    await page.waitForURL(`${h.t.url}/inbox?due=overdue`)
    // The session ends elsewhere; the next refresh of the list finds out.
    await page.evaluate(async () => {
      await fetch('/api/auth/logout', { method: 'POST' })
      window.dispatchEvent(new Event('focus'))
    })
    await page.waitForURL(`**/login?next=${encodeURIComponent('/inbox?due=overdue')}`)
    await page.getByLabel('Username').fill('rita')
    await page.getByLabel('Password').fill('test-password-for-people')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${h.t.url}/inbox?due=overdue`)
    expect(await page.getByLabel('Due', { exact: true }).inputValue()).toBe('overdue')
  })

  it('works on a phone: no sideways scrolling on the list or a task', async () => {
    const { task } = await taskOf(BEN)
    const { page, errors } = await h.open('rita', { width: 390, height: 844 })
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    await page.goto(`${h.t.url}/inbox`)
    await page.locator(`[data-task-id="${task.id}"]`).waitFor()
    expect(await overflow()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-05-phone-list.png')
    await page.locator(`[data-task-id="${task.id}"] .task-row-title`).click()
    await expect.poll(() => page.getByTestId('proposed-decision').textContent()).toBe('Reject')
    expect(await overflow()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-06-phone-task.png')
    expect(errors).toEqual([])
  })
})

describe('the outbox', () => {
  it('lists every message with its link and delivery, filtered by run and purpose', async () => {
    const input = { customer: 'Ada Keller', email: 'ada@example.com', orderId: 'A-1042', availability: 'We can deliver on 12 March 2030 or on 14.03.2030.' }
    const runId = await startRun(h.t.api, 'delivery-date', input)
    await startRun(h.t.api, 'delivery-date', { ...input, customer: 'Jonas Weber', email: 'jonas@example.com', orderId: 'A-1043' })
    const { page, errors } = await h.open('admin')
    await page.goto(`${h.t.url}/outbox`)
    await expect.poll(() => page.locator('.msg').count()).toBe(2)
    expect(await page.getByRole('link', { name: 'Outbox' }).getAttribute('aria-current')).toBe('page')
    const first = page.locator('.msg').first()
    expect(await first.textContent()).toContain('To jonas@example.com')
    expect(await first.locator('.delivery').textContent()).toContain('Kept in the outbox')
    expect(await first.getByRole('link', { name: 'Customer link' }).getAttribute('href')).toMatch(/\/c\/[\w-]{40,}$/)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-07-outbox.png')

    await page.getByRole('button', { name: runId }).click()
    await expect.poll(() => page.locator('.msg').count()).toBe(1)
    expect(page.url()).toContain(`run=${runId}`)
    await page.getByLabel('Purpose').selectOption('reminder')
    await expect.poll(() => page.getByText('No messages match these filters').count()).toBe(1)
    expect(errors).toEqual([])
  })
})
