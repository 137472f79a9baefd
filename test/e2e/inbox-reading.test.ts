/**
 * The inbox as a reviewer reads it (issue 14, point 11): no engine internals
 * on a task, numbers in a title written as in the body, a deadline that has
 * not come is never "was due", and the filters offer only the flows and
 * groups whose tasks the reviewer can see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, startRun } from '../helpers/api.js'
import { startInboxHarness, type InboxHarness } from './inbox-harness.js'
import { seriousViolations, shot } from './portal-harness.js'

const CHLOE = { applicant: 'Chloe Brandt', email: 'chloe@example.com', amount: 150000, note: 'Doctor with regular salary, owns home, clean repayment record' }
const BEN = { applicant: 'Ben Ortiz', email: 'ben@example.com', amount: 12000, note: 'Self employed for three months, income irregular, some late payments' }

let h: InboxHarness
beforeAll(async () => {
  h = await startInboxHarness()
}, 180_000)
afterAll(async () => h?.close())

const taskOf = async (input: object) => {
  const runId = await startRun(h.t.api, 'loan-approval', input)
  const [task] = await openTasks(h.t.api, runId)
  return task
}

describe('a task as the reviewer reads it', () => {
  it('shows the case without how the run was routed, and the title with numbers written as in the body', async () => {
    const task = await taskOf(CHLOE)
    const { page, errors } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('task-title').textContent()).toBe('Large loan: 150,000 EUR for Chloe Brandt (two reviewers)')
    const shown = page.getByTestId('shown-inputs')
    await expect.poll(() => shown.locator('dt').allTextContents()).toEqual(['Applicant', 'Email', 'Amount', 'Note'])
    expect(await shown.textContent()).toContain('150,000')
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).not.toMatch(/Route|Outcome|Rule 0|four-eyes\b/)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'inbox-reading-01-four-eyes.png')

    await page.goto(`${h.t.url}/inbox`)
    await expect.poll(() => page.locator(`[data-task-id="${task.id}"] .task-row-title`).textContent()).toBe('Large loan: 150,000 EUR for Chloe Brandt (two reviewers)')
    expect(errors).toEqual([])
  })

  it('says "due" and not "was due" for a task decided before its deadline', async () => {
    const task = await taskOf(BEN)
    expect(Date.parse(task.dueAt)).toBeGreaterThan(Date.now())
    const rita = await h.as('rita')
    expect((await rita('POST', `/api/tasks/${task.id}/decision`, { decision: 'reject' })).status).toBe(200)
    const { page, errors } = await h.open('rita')
    await page.goto(`${h.t.url}/inbox/${task.id}`)
    await expect.poll(() => page.getByTestId('decided').count()).toBe(1)
    const due = await page.locator('.task-meta [data-testid=due]').textContent()
    expect(due).toMatch(/^Due \d{1,2} \w{3}$/)
    await shot(page, 'inbox-reading-02-decided-early.png')
    expect(errors).toEqual([])
  })
})

describe('the inbox filters', () => {
  const options = async (person: 'rita' | 'lea' | 'admin', name: string) => {
    const { page } = await h.open(person)
    await page.goto(`${h.t.url}/inbox`)
    const select = page.locator(`#filter-${name}`)
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1)
    return select.locator('option').allTextContents()
  }

  it('offer a reviewer only the flows that give its groups tasks', async () => {
    expect(await options('rita', 'flow')).toEqual(['All flows', 'Loan approval'])
    expect(await options('lea', 'flow')).toEqual(['All flows', 'Contract clause review'])
  })

  it('offer an admin every flow with a review step, and every group those steps name', async () => {
    const flows = await options('admin', 'flow')
    expect(flows).toEqual(expect.arrayContaining(['All flows', 'Loan approval', 'Contract clause review', 'Delivery date choice', 'Support reply with feedback']))
    expect(await options('admin', 'group')).toEqual(expect.arrayContaining(['All groups', 'credit-officer', 'legal', 'dispatcher']))
  })

  it('answer a reviewer through the API with its own groups only', async () => {
    const lea = await h.as('lea')
    const res = await lea('GET', '/api/tasks/filters')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ flows: [{ id: 'legal-review', name: 'Contract clause review' }], groups: ['legal'] })
  })
})
