import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../../runtime/ai/local/tokenize.js'

describe('tokenize', () => {
  it('lowercases words and drops punctuation', () => {
    expect(tokenize('Stable INCOME, salary paid!')).toEqual(['stable', 'income', 'salary', 'paid'])
  })

  it('keeps German umlauts, ß and accented letters inside words', () => {
    expect(tokenize('Überweisung für Straße, café')).toEqual(['überweisung', 'straße', 'café'])
  })

  it('treats decomposed and composed umlauts as the same word', () => {
    expect(tokenize('Gu\u0308ltig')).toEqual(tokenize('Gültig'))
  })

  it('drops English and German stop words', () => {
    expect(tokenize('the applicant and der Antragsteller ist mit dem Job zufrieden')).toEqual([
      'applicant',
      'antragsteller',
      'job',
      'zufrieden',
    ])
  })

  it('keeps negations because they carry the meaning of a note', () => {
    expect(tokenize('no late payments, nicht gekündigt, kein Verzug, never missed')).toEqual([
      'no', 'late', 'payments', 'nicht', 'gekündigt', 'kein', 'verzug', 'never', 'missed',
    ])
  })

  it('keeps numbers as tokens', () => {
    expect(tokenize('DTI 28% over 12 months')).toEqual(['dti', '28', 'over', '12', 'months'])
  })

  it('keeps contractions whole and strips the possessive s', () => {
    expect(tokenize("applicant’s employer doesn't confirm")).toEqual(['applicant', 'employer', "doesn't", 'confirm'])
  })

  it('keeps stop words when asked to', () => {
    expect(tokenize('the job', { stopWords: false })).toEqual(['the', 'job'])
  })

  it('adds bigrams of adjacent kept words after the unigrams', () => {
    expect(tokenize('No late payments', { bigrams: true })).toEqual([
      'no', 'late', 'payments', 'no late', 'late payments',
    ])
  })

  it('returns nothing for text without words', () => {
    expect(tokenize(' ,.;!? ', { bigrams: true })).toEqual([])
  })
})
