/**
 * Encrypts platform tokens at rest: AES-256-GCM through Web Crypto with the key from
 * `TOKEN_ENCRYPTION_KEY`. Each ciphertext is bound to what it belongs to (`slack:T123`) as additional data,
 * so a row copied onto another team's does not decrypt.
 */

export interface TokenVault {
  /** `v1.<iv>.<ciphertext>` (base64url). */
  seal(plaintext: string, boundTo: string): Promise<string>
  /** Throws when the key, the binding or the ciphertext is wrong: a tampered token is a fault, not a value. */
  open(sealed: string, boundTo: string): Promise<string>
}

export class TokenVaultError extends Error {
  override name = 'TokenVaultError'
}

const encoder = new TextEncoder()

/** Builds a vault from a 32-byte key written as 64 hex digits or as base64. */
export function createTokenVault(keyText: string): TokenVault {
  const key = crypto.subtle.importKey('raw', parseKey(keyText), 'AES-GCM', false, ['encrypt', 'decrypt'])
  return {
    async seal(plaintext, boundTo) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(boundTo) },
        await key,
        encoder.encode(plaintext),
      )
      return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`
    },
    async open(sealed, boundTo) {
      const [version, iv, data] = sealed.split('.')
      if (version !== 'v1' || !iv || !data) throw new TokenVaultError('sealed token has an unknown format')
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: encoder.encode(boundTo) },
          await key,
          fromBase64Url(data),
        )
        return new TextDecoder().decode(plain)
      } catch {
        throw new TokenVaultError(`sealed token for ${boundTo} does not decrypt with this key`)
      }
    },
  }
}

function parseKey(text: string): Uint8Array<ArrayBuffer> {
  const trimmed = text.trim()
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Uint8Array.from(trimmed.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
    : safeFromBase64(trimmed)
  if (bytes?.length !== 32)
    throw new TokenVaultError('TOKEN_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64')
  return bytes
}

function safeFromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromBase64Url(text)
  } catch {
    return null
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Accepts base64 and base64url, padded or not. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}
