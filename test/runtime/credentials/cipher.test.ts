import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createSecretBox } from '../../../runtime/credentials/cipher.js'

const secret = randomBytes(32)

describe('credential sealing', () => {
  it('opens what it sealed, and the sealed text does not hold the secret', () => {
    const box = createSecretBox(secret)
    const sealed = box.seal('crm', 'token-1234567890')
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain('token-1234567890')
    expect(box.open('crm', sealed)).toBe('token-1234567890')
  })

  it('seals the same secret differently each time (fresh IV)', () => {
    const box = createSecretBox(secret)
    expect(box.seal('crm', 'same')).not.toBe(box.seal('crm', 'same'))
  })

  it('refuses a sealed value moved to another name', () => {
    const box = createSecretBox(secret)
    expect(() => box.open('billing', box.seal('crm', 'x'))).toThrow(/cannot be opened/)
  })

  it('refuses a sealed value changed by one character', () => {
    const box = createSecretBox(secret)
    const sealed = box.seal('crm', 'a secret value')
    const last = sealed.at(-1) === 'A' ? 'B' : 'A'
    expect(() => box.open('crm', sealed.slice(0, -1) + last)).toThrow(/cannot be opened/)
  })

  it('refuses to open with another server secret', () => {
    const sealed = createSecretBox(secret).seal('crm', 'x')
    expect(() => createSecretBox(randomBytes(32)).open('crm', sealed)).toThrow(/INLOOP_SECRET/)
  })
})
