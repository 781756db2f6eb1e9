import { createHmac } from 'node:crypto'

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'

/**
 * Signs a body the way Slack does (node:crypto here, independent of the Web Crypto code under test) and
 * returns the init for `app.request` or `fetch`.
 */
export function signedInit(
  body: string,
  options: { timestamp: number; secret?: string; contentType?: string; headers?: Record<string, string> },
): RequestInit {
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${options.timestamp}:${body}`)
    .digest('hex')}`
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(options.timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
  }
}

/** A form body (slash commands; interactions carry their JSON in `payload`). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}
