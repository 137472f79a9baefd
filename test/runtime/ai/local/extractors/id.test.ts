import { describe, expect, it } from 'vitest'
import { extractIds } from '../../../../../runtime/ai/local/extractors/id.js'

const ids = (text: string) => extractIds(text).map((f) => ({ value: f.value, label: f.label }))

describe('extractIds', () => {
  it('finds codes made of a capital prefix and digits', () => {
    expect(ids('contract ABC-12345 and INV-2024-0042')).toEqual([
      { value: 'ABC-12345', label: undefined },
      { value: 'INV-2024-0042', label: undefined },
    ])
  })

  it('finds numbers introduced by an English label', () => {
    expect(extractIds('Invoice no. 4711 is open')).toEqual([
      { text: 'Invoice no. 4711', index: 0, value: '4711', label: 'invoice' },
    ])
  })

  it('finds numbers introduced by a German label and names the label in English', () => {
    expect(ids('Rechnungsnr.: 2024/113, Kundennummer 778812')).toEqual([
      { value: '2024/113', label: 'invoice' },
      { value: '778812', label: 'customer' },
    ])
  })

  it('prefers the labelled reading when a label introduces a code', () => {
    expect(ids('order #A-55, invoice number INV-2024-0042')).toEqual([
      { value: 'A-55', label: 'order' },
      { value: 'INV-2024-0042', label: 'invoice' },
    ])
  })

  it('does not take amounts, short codes or plain words for ids', () => {
    expect(extractIds('loan 5000 EUR, COVID-19, the order was late')).toEqual([])
  })
})
