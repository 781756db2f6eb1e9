import { timingSafeEqual } from 'node:crypto'
import { decrypt, encrypt, getSignature } from '@wecom/crypto'

/**
 * WeCom's callback scheme, shared by the self-built app (XML) and the AI bot (JSON): a SHA-1 signature over
 * the sorted token, timestamp, nonce and ciphertext, and AES-256-CBC under the key from EncodingAESKey.
 * `@wecom/crypto` does the maths; this file adds the checks it leaves out, so forged or garbled input is a
 * value (`false`, `{ ok: false }`) and never an exception half-way through a request.
 */
export interface WecomCryptoKeys {
  token: string
  encodingAesKey: string
  /** The corp id for a self-built app; "" for the AI bot. */
  receiveId: string
}

/** A decrypted plaintext, or why the ciphertext was refused. */
export type OpenResult = { ok: true; plaintext: string } | { ok: false; reason: string }

/** The query parameters WeCom signs every callback with. */
export interface SignedQuery {
  signature: string
  timestamp: string
  nonce: string
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** True when `query.signature` is WeCom's signature of this ciphertext (or echostr) under `token`. */
export function verifySignature(token: string, query: SignedQuery, encrypted: string): boolean {
  if (!/^[0-9a-f]{40}$/i.test(query.signature)) return false
  const expected = Buffer.from(getSignature(token, query.timestamp, query.nonce, encrypted), 'hex')
  return timingSafeEqual(expected, Buffer.from(query.signature.toLowerCase(), 'hex'))
}

/** Signs a ciphertext the way WeCom does: for passive replies, and for tests that play WeCom. */
export function signEncrypted(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted)
}

/**
 * Decrypts a ciphertext and checks it was sealed for `keys.receiveId`. `@wecom/crypto` neither checks the
 * padding nor the length field, so a wrong key "decrypts" to noise (and, with the AI bot's empty receive id,
 * to noise with the right id). Re-sealing the parts must give back the very same bytes: that holds only for
 * an honest envelope under this key.
 */
export function openEnvelope(keys: WecomCryptoKeys, encrypted: string): OpenResult {
  if (!BASE64.test(encrypted)) return { ok: false, reason: 'ciphertext is not base64' }
  const size = Buffer.byteLength(encrypted, 'base64')
  if (size < 32 || size % 16 !== 0) return { ok: false, reason: 'ciphertext is not whole AES blocks' }
  let opened: { message: string; id: string; random: Buffer }
  try {
    opened = decrypt(keys.encodingAesKey, encrypted)
  } catch {
    return { ok: false, reason: 'ciphertext does not decrypt under this key' }
  }
  if (encrypt(keys.encodingAesKey, opened.message, opened.id, opened.random) !== encrypted)
    return { ok: false, reason: 'ciphertext does not decrypt under this key' }
  if (opened.id !== keys.receiveId) return { ok: false, reason: 'ciphertext was sealed for another receiver' }
  return { ok: true, plaintext: opened.message }
}

/** Encrypts a reply for WeCom; `random` (16 bytes) only for reproducible tests. */
export function sealEnvelope(keys: WecomCryptoKeys, plaintext: string, random?: Buffer): string {
  return encrypt(keys.encodingAesKey, plaintext, keys.receiveId, random)
}

/**
 * Query strings decode `+` as a space; base64 never holds a space, so one that arrives with spaces had its
 * plus signs eaten by a sender that did not percent-encode them.
 */
export function restoreBase64(value: string): string {
  return value.replace(/ /g, '+')
}
