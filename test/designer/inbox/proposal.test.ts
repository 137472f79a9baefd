import { describe, expect, it } from 'vitest'
import { confidenceBand, readProposal } from '../../../designer/src/inbox/proposal'

describe('reading the AI proposal out of a task', () => {
  it('takes a confidence the flow shows, and keeps the AI-labelled values apart from the inputs', () => {
    const view = readProposal({ Ticket: 'Where is my order?', 'Category (AI)': 'shipping', 'AI confidence': 0.42 }, 'send')
    expect(view.signal).toEqual({ label: 'AI confidence', value: 0.42, kind: 'confidence' })
    expect(view.aiValues).toEqual([['Category (AI)', 'shipping']])
    expect(view.inputs).toEqual([['Ticket', 'Where is my order?']])
    expect(view.proposed).toBe('send')
  })

  it('falls back to a score between 0 and 1 when there is no confidence', () => {
    const view = readProposal({ Applicant: 'Ben', 'Amount (EUR)': 12000, 'AI score (good)': 0.19 }, 'reject')
    expect(view.signal).toEqual({ label: 'AI score (good)', value: 0.19, kind: 'score' })
    expect(view.inputs.map(([k]) => k)).toEqual(['Applicant', 'Amount (EUR)'])
  })

  it('recognises whole AI-step outputs in the default view, shows the fields of the input as the case, and drops the start step that repeats the input', () => {
    const input = { applicant: 'Chloe', amount: 150000 }
    const score = { task: 'score', confidence: 0.79, model: 'local-naive-bayes', modelVersion: 'nb-1', label: 'good', value: 0.79 }
    const view = readProposal({ input, start: input, score, lookup: { tier: 'gold' } })
    expect(view.outputs).toEqual([{ step: 'score', label: 'good', value: 0.79, confidence: 0.79, model: 'nb-1' }])
    expect(view.signal).toEqual({ label: 'Score confidence', value: 0.79, kind: 'confidence' })
    expect(view.inputs).toEqual([['applicant', 'Chloe'], ['amount', 150000], ['lookup', { tier: 'gold' }]])
  })

  it('says how sure the AI is in words', () => {
    expect([0.95, 0.8, 0.6, 0.5, 0.49, 0].map(confidenceBand)).toEqual(['High', 'High', 'Medium', 'Medium', 'Low', 'Low'])
  })
})
