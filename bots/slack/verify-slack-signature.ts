/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's
 * signing secret. Web Crypto everywhere (Workers included); on Node, node:crypto does the same HMAC.
 */

/** Requests signed further than this from our clock are refused: Slack's own replay window. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  timestamp: string | null | undefined
  /** `X-Slack-Signature`, `v0=` followed by 64 hex digits. */
  signature: string | null | undefined
  /**
   * The raw body exactly as received: re-serialising parsed JSON would change the bytes. The bytes
   * themselves are cheapest (nothing is re-encoded); a string is signed as its UTF-8.
   */
  body: string | Uint8Array
}

/** Checks a lowercase 64-digit hex MAC of `prefix` followed by `body`. */
type MacCheck = (prefix: string, body: string | Uint8Array, hex: string) => Promise<boolean>

const encoder = new TextEncoder()

/**
 * Returns a verifier bound to one signing secret (its key is prepared once, not per request).
 * The verifier resolves `false` for a missing, malformed, forged or stale signature; it never throws.
 * `hmac`: `auto` (default) uses node:crypto where the runtime has it, else Web Crypto; `web-crypto` forces
 * the portable path (what Workers run).
 */
export function createSlackVerifier(
  signingSecret: string,
  now: () => Date,
  hmac: 'auto' | 'web-crypto' = 'auto',
): (request: SignedRequest) => Promise<boolean> {
  const check = (hmac === 'auto' && nodeMacCheck(signingSecret)) || webMacCheck(signingSecret)
  return async ({ timestamp, signature, body }) => {
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
    if (Math.abs(now().getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false
    const hex = /^v0=([0-9a-f]{64})$/i.exec(signature ?? '')?.[1]
    if (!hex) return false
    return check(`v0:${timestamp}:`, body, hex.toLowerCase())
  }
}

/** One-shot form of {@link createSlackVerifier}. */
export function verifySlackSignature(
  signingSecret: string,
  request: SignedRequest,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  return createSlackVerifier(signingSecret, now)(request)
}

/** Web Crypto: `subtle.verify` compares in constant time, so no hand-written timing-safe loop is needed. */
function webMacCheck(secret: string): MacCheck {
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  return async (prefix, body, hex) => {
    const mac = Uint8Array.from({ length: 32 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16))
    const head = encoder.encode(prefix)
    const tail = typeof body === 'string' ? encoder.encode(body) : body
    const message = new Uint8Array(head.length + tail.length)
    message.set(head)
    message.set(tail, head.length)
    return crypto.subtle.verify('HMAC', await key, mac, message)
  }
}

/**
 * node:crypto when the runtime has it, reached through `process.getBuiltinModule` so this file imports
 * nothing Node-only. Node runs each Web Crypto call as a job costing 30-60 µs; `createHmac` with a prepared key takes about 3 µs,
 * which at thousands of events a second is a tenth of a core.
 */
function nodeMacCheck(secret: string): MacCheck | null {
  const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto')
  const nodeBuffer = globalThis.process?.getBuiltinModule?.('node:buffer')
  if (!nodeCrypto || !nodeBuffer) return null
  const { Buffer } = nodeBuffer
  // A KeyObject made once: passing the secret as a string re-imports it on every call.
  const key = nodeCrypto.createSecretKey(Buffer.from(secret, 'utf8'))
  return async (prefix, body, hex) => {
    // Two updates hash the same bytes as one over the concatenation, without building it.
    const ours = nodeCrypto.createHmac('sha256', key).update(prefix).update(body).digest('hex')
    // Both sides are 64 ASCII hex digits, so comparing their bytes in constant time compares the MACs.
    return nodeCrypto.timingSafeEqual(Buffer.from(ours, 'latin1'), Buffer.from(hex, 'latin1'))
  }
}
