import { describe, expect, it } from 'vitest'
import { extractEmails } from '../../../../../runtime/ai/local/extractors/email.js'

describe('extractEmails', () => {
  it('finds an address and lowercases only its domain', () => {
    expect(extractEmails('Write to Anna.Berg@Example.COM.')).toEqual([
      { text: 'Anna.Berg@Example.COM', index: 9, value: 'Anna.Berg@example.com' },
    ])
  })

  it('finds several addresses with plus tags and subdomains', () => {
    expect(extractEmails('cc: a+loans@mail.bank.de, b_c@x.io').map((f) => f.value)).toEqual([
      'a+loans@mail.bank.de',
      'b_c@x.io',
    ])
  })

  it('ignores an at sign that is not an address', () => {
    expect(extractEmails('meet @ noon, user@localhost')).toEqual([])
  })
})
