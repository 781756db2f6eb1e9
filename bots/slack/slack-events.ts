import type { ChatMessage } from '../../src/chat/chat-message.ts'
import { afterAck } from './after-ack.ts'
import { publishHome } from './app-home.ts'
import { OK, type SlackAck, type SlackContext } from './slack-context.ts'
import type { EventCallback, EventEnvelope } from './slack-payloads.ts'
import { eventToChatMessage } from './to-chat-message.ts'

/** Slack's redelivery headers (`X-Slack-Retry-Num`, `X-Slack-Retry-Reason`), or Socket Mode's `retry_attempt`. */
export interface RetryInfo {
  num?: number | undefined
  reason?: string | undefined
}

/**
 * An Events API envelope: stores a message before acknowledging (a failed store answers 500 through the
 * thrown error, and Slack retries), then understands and replies after the ack.
 */
export async function handleEvent(
  ctx: SlackContext,
  envelope: EventEnvelope,
  retry: RetryInfo = {},
): Promise<SlackAck> {
  if (envelope.type === 'url_verification') return { status: 200, body: { challenge: envelope.challenge } }
  if (envelope.type === 'app_rate_limited') {
    ctx.deps.log('slack.app_rate_limited', { teamId: envelope.team_id })
    return OK
  }
  const { event } = envelope
  if (event.type === 'app_home_opened') {
    if (event.tab === 'home' && event.user) {
      const user = event.user
      afterAck(ctx.deps.waitUntil, () => publishHome(ctx, envelope.team_id, user))
    }
    return OK
  }
  const message = eventToChatMessage(envelope, ctx.deps.now())
  if (!message) return OK
  const accepted = await ctx.deps.pipeline.accept(message)
  if (accepted.status === 'duplicate') {
    ctx.deps.log('slack.duplicate', {
      id: message.platformMessageId,
      eventId: envelope.event_id,
      retry: retry.num,
    })
    return OK
  }
  afterAck(ctx.deps.waitUntil, () => answer(ctx, accepted.inboxId, message, envelope))
  return OK
}

async function answer(ctx: SlackContext, inboxId: string, message: ChatMessage, envelope: EventCallback) {
  const hints = await ctx.users.hints(message.workspaceId, message.userId)
  // In a channel, answer under the message when it was in a thread, so the thread stays one conversation.
  // The reply leaves through the outbox, which survives a restart between understanding and sending.
  await ctx.deps.pipeline.process(inboxId, hints, { deliver: { threadId: envelope.event.thread_ts } })
}
