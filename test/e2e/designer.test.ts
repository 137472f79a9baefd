/**
 * The designer in a real browser against the real server: build the loan
 * approval flow from an empty canvas, save, reload, undo/redo, publish and
 * test-run it to the end, deciding the review in place.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, dropNode, field, fillField, getFlowJson, openPage, SCREENSHOTS, startHarness, type Harness } from './designer-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => h?.close())

const FLOW_ID = 'loan-approval-built'

async function addNode(page: Page, type: string, x: number, y: number, id: string, label: string) {
  await dropNode(page, type, x, y)
  await page.getByTestId('node-id').fill(id)
  await page.getByTestId('node-id').press('Enter')
  await expect.poll(() => page.locator(`.react-flow__node[data-id="${id}"]`).count()).toBe(1)
  await page.getByTestId('node-label').fill(label)
}

async function addListItem(page: Page, nodeId: string, list: string, values: Record<string, string>) {
  const index = await page.getByTestId(`${list}-item`).count()
  await page.getByTestId(`add-${list}`).click()
  for (const [key, value] of Object.entries(values)) await fillField(page, nodeId, `${list}.${index}.${key}`, value)
}

async function fillFlowSettings(page: Page) {
  await page.getByTestId('flow-name').click()
  const inputs = page.getByTestId('input-fields')
  for (const [i, [name, type, required]] of ([['applicant', 'string', true], ['email', 'string', false], ['amount', 'number', true], ['note', 'string', true]] as const).entries()) {
    await inputs.getByRole('button', { name: 'Add input field' }).click()
    await inputs.getByLabel('Field name').nth(i).fill(name)
    await inputs.getByLabel(/^Type of/).nth(i).selectOption(type)
    if (required) await inputs.getByLabel(/is required$/).nth(i).check()
  }
  const params = [
    { label: 'Approve automatically from score', name: 'autoApproveScore', type: 'number', value: '0.8', max: '1' },
    { label: 'Four eyes from amount', name: 'fourEyesAmount', type: 'number', value: '50000', max: '1000000' },
    { label: 'Review due within', name: 'reviewDue', type: 'duration', value: 'P2D' },
  ]
  for (const [i, p] of params.entries()) {
    await page.getByRole('button', { name: 'Add parameter' }).click()
    const card = page.getByTestId('parameter').nth(i)
    await card.getByLabel('Label').fill(p.label)
    await card.getByLabel('Name').fill(p.name)
    await card.getByLabel('Type').selectOption(p.type)
    if (p.max) await card.getByLabel('Max').fill(p.max)
    await card.getByLabel(/^Value/).fill(p.value)
  }
}

async function buildLoanApproval(page: Page) {
  await addNode(page, 'start', 120, 90, 'start', 'Application received')
  await addNode(page, 'ai-step', 370, 90, 'score', 'Score application')
  await page.locator('[id="cfg-score-task"]').getByRole('radio', { name: 'score' }).click()
  await fillField(page, 'score', 'text', 'input.note')
  for (const label of ['good', 'risky']) {
    await field(page, 'score', 'labels').fill(label)
    await field(page, 'score', 'labels').press('Enter')
  }
  for (const [text, label] of [
    ['Permanent employee for nine years, stable salary, no missed payments', 'good'],
    ['Teacher with steady income and long credit history, always paid on time', 'good'],
    ['Recently unemployed, several missed payments, wants cash to cover rent arrears', 'risky'],
    ['Two defaults in last year, collection agency involved, requests large loan', 'risky'],
  ]) {
    await addListItem(page, 'score', 'examples', { text, label })
  }
  await addNode(page, 'rule', 620, 90, 'route', 'Route by amount and score')
  await addListItem(page, 'route', 'rules', { when: 'input.amount >= params.fourEyesAmount', port: 'four-eyes', label: 'amount ≥ four-eyes limit' })
  await addListItem(page, 'route', 'rules', { when: 'nodes.score.value >= params.autoApproveScore', port: 'auto-approve', label: 'score ≥ auto-approve' })
  await addNode(page, 'human-review', 370, 360, 'review', 'Credit officer review')
  await fillField(page, 'review', 'title', 'Review loan of {{ input.amount }} EUR for {{ input.applicant }}')
  await field(page, 'review', 'role').fill('credit-officer')
  await addNode(page, 'human-review', 620, 360, 'four-eyes', 'Four-eyes review')
  await field(page, 'four-eyes', 'role').fill('credit-officer')
  await field(page, 'four-eyes', 'approvals').fill('2')
  await addNode(page, 'end', 120, 640, 'approved', 'Approved')
  await field(page, 'approved', 'outcome').fill('approved')
  await addNode(page, 'end', 370, 660, 'rejected', 'Rejected')
  await field(page, 'rejected', 'outcome').fill('rejected')
  await fillFlowSettings(page)
  // Bind the review's deadline to the parameter (needs the parameter to exist first).
  await page.locator('.react-flow__node[data-id="review"]').click()
  await page.locator('[data-field="cfg-review-due"]').hover()
  await page.locator('[data-field="cfg-review-due"] .param-toggle').click()
  await field(page, 'review', 'due').selectOption('reviewDue')
  for (const [s, port, t] of [
    ['start', 'next', 'score'],
    ['score', 'done', 'route'],
    ['score', 'error', 'review'],
    ['route', 'auto-approve', 'approved'],
    ['route', 'four-eyes', 'four-eyes'],
    ['route', 'default', 'review'],
    ['review', 'approve', 'approved'],
    ['review', 'reject', 'rejected'],
    ['four-eyes', 'approve', 'approved'],
    ['four-eyes', 'reject', 'rejected'],
  ]) {
    await connect(page, s, port, t)
  }
}

describe('the designer', () => {
  it('builds the loan-approval flow from an empty canvas, saves, reloads, undoes, publishes and test-runs it', async () => {
    const { page, errors } = await openPage(h)
    await page.goto(h.url)
    await page.getByTestId('new-flow').click()
    await page.getByTestId('name-dialog-input').fill('Loan approval built')
    await page.getByTestId('name-dialog-submit').click()
    await page.waitForURL(`**/flows/${FLOW_ID}`)
    await page.getByText('Start with a Start step').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/01-empty-canvas.png` })

    await buildLoanApproval(page).catch(async (e) => {
      await page.screenshot({ path: `${SCREENSHOTS}/failure.png` })
      throw e
    })
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(10)

    // A refused connection says why: nothing may flow into a start step.
    await connect(page, 'review', 'approve', 'start').catch(() => {})
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(10)

    await page.locator('.react-flow__node[data-id="route"]').click()
    await expect.poll(() => page.getByTestId('problem-count').textContent(), { timeout: 5000 }).toBe('Valid')
    await page.getByTestId('auto-layout').click()
    await page.waitForTimeout(600)
    await page.screenshot({ path: `${SCREENSHOTS}/02-built-flow-inspector.png` })

    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('clean')
    const saved = await getFlowJson(page, FLOW_ID)

    await page.reload()
    await page.locator('.react-flow__node[data-id="route"]').waitFor()
    expect(await page.locator('.react-flow__node').count()).toBe(7)
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('clean')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('clean')
    expect(await getFlowJson(page, FLOW_ID)).toEqual(saved)

    // Undo and redo a deletion.
    await page.locator('.react-flow__node[data-id="rejected"]').click()
    await page.keyboard.press('Delete')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6)
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('dirty')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(7)
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('clean')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6)
    await page.getByTestId('undo').click()
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(7)
    // Edges are drawn once their nodes are measured, a frame or two later.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(10)

    await expect.poll(() => page.getByTestId('publish').isEnabled()).toBe(true)
    await page.getByTestId('publish').click()
    await page.getByTestId('publish-note').fill('First version')
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('v1 published')
    await page.getByTestId('tab-versions').click()
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(1)

    await page.getByTestId('tab-run').click()
    // A note the model learnt as risky, a small amount: the credit officer decides (one reviewer).
    const note = 'Recently unemployed, several missed payments, wants cash to cover rent arrears'
    await page.getByTestId('run-input').fill(JSON.stringify({ applicant: 'Ben Ortiz', email: 'ben@example.com', amount: 12000, note }))
    await page.getByTestId('run-test').click()
    await page.getByTestId('task-card').locator('[data-decision="approve"]').click()
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('completed')
    await expect.poll(() => page.getByTestId('run-outcome').textContent()).toBe('approved')
    await page.screenshot({ path: `${SCREENSHOTS}/03-test-run.png` })
    expect(errors).toEqual([])
  }, 180_000)
})
