import type { ChatTarget } from '../../src/chat/chat-message.ts'
import type { SlackWeb } from './slack-web.ts'

/** Slack message metadata naming the outbox row a message was sent for. */
export interface OutboxMetadata {
  event_type: typeof EVENT_TYPE
  event_payload: { key: string }
}

const EVENT_TYPE = 'crm_outbox'

/** The metadata `chat.postMessage` carries so a resend after a crash can find the first send. */
export function outboxMetadata(dedupeKey: string): OutboxMetadata {
  return { event_type: EVENT_TYPE, event_payload: { key: dedupeKey } }
}

/**
 * The `ts` of a message the bot posted into the target's chat (or thread) since `since` (UTC ms) tagged with
 * `dedupeKey`, or undefined. Slack has no idempotency key for `chat.postMessage`, so this lookup is how a row
 * whose process died mid-send is not posted twice. Reading history needs the `*:history` scopes; without
 * them Slack answers an error and the caller sends again.
 */
export async function findTagged(
  web: SlackWeb,
  target: ChatTarget,
  dedupeKey: string,
  since: number,
): Promise<string | undefined> {
  const client = await web.forTeam(target.workspaceId)
  // A second early: Slack's `oldest` is exclusive and the ts's clock is Slack's, not ours.
  const oldest = String(Math.floor(since / 1000) - 1)
  const page = target.threadId
    ? await client.conversations.replies({
        channel: target.chatId,
        ts: target.threadId,
        oldest,
        include_all_metadata: true,
        limit: 200,
      })
    : await client.conversations.history({
        channel: target.chatId,
        oldest,
        include_all_metadata: true,
        limit: 200,
      })
  const found = page.messages?.find(
    (m) =>
      m.metadata?.event_type === EVENT_TYPE &&
      (m.metadata.event_payload as Record<string, unknown> | undefined)?.key === dedupeKey,
  )
  return found?.ts
}
