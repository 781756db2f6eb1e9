/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's
 * signing secret. Web Crypto only, so it runs on Workers as well as Node.
 */

/** Requests signed further than this from our clock are refused: Slack's own replay window. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  timestamp: string | null | undefined
  /** `X-Slack-Signature`, `v0=` followed by 64 hex digits. */
  signature: string | null | undefined
  /** The raw body exactly as received: re-serialising parsed JSON would change the bytes. */
  body: string
}

const encoder = new TextEncoder()

/**
 * Returns a verifier bound to one signing secret (the HMAC key is imported once, not per request).
 * The verifier resolves `false` for a missing, malformed, forged or stale signature; it never throws.
 */
export function createSlackVerifier(
  signingSecret: string,
  now: () => Date,
): (request: SignedRequest) => Promise<boolean> {
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(signingSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  return async ({ timestamp, signature, body }) => {
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
    if (Math.abs(now().getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false
    const mac = parseSignature(signature)
    if (!mac) return false
    // subtle.verify compares in constant time, so no hand-written timing-safe loop is needed.
    return crypto.subtle.verify('HMAC', await key, mac, encoder.encode(`v0:${timestamp}:${body}`))
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

function parseSignature(signature: string | null | undefined): Uint8Array<ArrayBuffer> | null {
  const hex = /^v0=([0-9a-f]{64})$/i.exec(signature ?? '')?.[1]
  if (!hex) return null
  const bytes = new Uint8Array(32)
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}
