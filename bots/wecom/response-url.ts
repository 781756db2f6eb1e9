import type { Reply } from '../../src/chat/chat-message.ts'
import { responseUrlBody } from './aibot-reply.ts'
import { WecomApiError } from './wecom-api-client.ts'

/**
 * Posts a late answer to an AI bot message's `response_url`: plain JSON, no encryption, usable once and
 * for an hour after the message.
 */
export async function postToResponseUrl(
  url: string,
  reply: Reply,
  doFetch: typeof fetch = fetch,
): Promise<void> {
  const response = await doFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(responseUrlBody(reply)),
    signal: AbortSignal.timeout(10_000),
  })
  const body = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null
  if (!response.ok || body?.errcode !== 0)
    throw new WecomApiError(body?.errcode ?? -1, body?.errmsg ?? `HTTP ${response.status}`, 'response_url')
}
