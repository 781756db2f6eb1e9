import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTokenVault, TokenVaultError } from '../../bots/slack/token-vault.ts'

const HEX_KEY = randomBytes(32).toString('hex')

describe('token vault', () => {
  it('seals a token so the stored text does not contain it, and opens it again', async () => {
    const vault = createTokenVault(HEX_KEY)
    const sealed = await vault.seal('xoxb-123-456-secret', 'slack:T1')
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/)
    expect(sealed).not.toContain('xoxb')
    expect(await vault.open(sealed, 'slack:T1')).toBe('xoxb-123-456-secret')
    // A fresh IV each time: the same token never seals to the same text.
    expect(await vault.seal('xoxb-123-456-secret', 'slack:T1')).not.toBe(sealed)
  })

  it('refuses a ciphertext moved to another team, tampered with, or opened with another key', async () => {
    const vault = createTokenVault(HEX_KEY)
    const sealed = await vault.seal('xoxb-a', 'slack:T1')
    await expect(vault.open(sealed, 'slack:T2')).rejects.toThrow(TokenVaultError)
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`
    await expect(vault.open(tampered, 'slack:T1')).rejects.toThrow(TokenVaultError)
    await expect(createTokenVault(randomBytes(32).toString('hex')).open(sealed, 'slack:T1')).rejects.toThrow(
      TokenVaultError,
    )
  })

  it('takes the key as hex or base64, and refuses one that is not 32 bytes', async () => {
    const key = randomBytes(32)
    const sealed = await createTokenVault(key.toString('hex')).seal('xoxb-b', 'slack:T1')
    expect(await createTokenVault(key.toString('base64')).open(sealed, 'slack:T1')).toBe('xoxb-b')
    expect(() => createTokenVault(randomBytes(16).toString('base64'))).toThrow(/32 bytes/)
    expect(() => createTokenVault('not a key!')).toThrow(/32 bytes/)
  })
})
