import type { Log } from '../../src/chat/chat-bot.ts'
import type { SlackMessage } from './render-blocks.ts'

/** Slack's limits on one `response_url`: five posts within thirty minutes of the command or click. */
export const RESPONSE_URL_MAX_USES = 5
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000

export interface ResponseUrlBody extends SlackMessage {
  /** `ephemeral` (only the user sees it; Slack's default) or `in_channel`. */
  response_type?: 'ephemeral' | 'in_channel'
  /** Replace the message the button was on. */
  replace_original?: boolean
}

/** Answers through `response_url`s, keeping count of each one's uses. */
export interface ResponseUrls {
  /** Notes when Slack handed out a `response_url` (the command or click arrived); the 30 minutes start then. */
  issued(url: string, at: Date): void
  /**
   * Posts to the URL. `false` when it is over its limits, not Slack's, or Slack refused it (expired, used up):
   * the caller falls back to the Web API.
   */
  post(url: string, body: ResponseUrlBody): Promise<boolean>
}

export interface ResponseUrlOptions {
  now: () => Date
  log: Log
  /** `config.slack.apiUrl`: tests point Slack at 127.0.0.1, and response URLs then live on that host too. */
  apiUrl: string | undefined
}

export function createResponseUrls(options: ResponseUrlOptions): ResponseUrls {
  const seen = new Map<string, { issuedAt: number; uses: number }>()
  const extraOrigin = options.apiUrl ? new URL(options.apiUrl).origin : null

  // A response_url comes from a signed payload, but we still only post to Slack's own host: the URL is the one
  // place a payload could steer our outbound requests.
  const allowed = (url: URL) =>
    (url.protocol === 'https:' && url.hostname === 'hooks.slack.com') || url.origin === extraOrigin

  function forgetExpired(now: number) {
    for (const [url, entry] of seen) if (now - entry.issuedAt > RESPONSE_URL_TTL_MS) seen.delete(url)
  }

  return {
    issued(url, at) {
      forgetExpired(options.now().getTime())
      if (!seen.has(url)) seen.set(url, { issuedAt: at.getTime(), uses: 0 })
    },
    async post(url, body) {
      const now = options.now().getTime()
      const entry = seen.get(url) ?? { issuedAt: now, uses: 0 }
      if (entry.uses >= RESPONSE_URL_MAX_USES || now - entry.issuedAt > RESPONSE_URL_TTL_MS) return false
      let target: URL
      try {
        target = new URL(url)
      } catch {
        return false
      }
      if (!allowed(target)) {
        options.log('slack.response_url_refused', { host: target.host })
        return false
      }
      entry.uses++
      seen.set(url, entry)
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      })
      // Slack answers 200 `ok`, or 404 `expired_url` / `used_url` when its own count disagrees with ours.
      const answer = await response.text()
      if (response.ok) return true
      options.log('slack.response_url_failed', { status: response.status, answer: answer.slice(0, 100) })
      return false
    },
  }
}
