import type { ChatMessage } from '../../src/chat/chat-message.ts'
import type { EventCallback, SlashCommand } from './slack-payloads.ts'
import { slackTextToPlain } from './slack-text.ts'

export const PLATFORM = 'slack'

/** Message subtypes that are still a person writing; every other subtype (edits, joins, bot posts) is not. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast'])

/**
 * The ChatMessage for an `app_mention` or a DM (`message.im`), or null when the bot should not read it:
 * a bot's message (its own included), an edit or deletion, a message in a channel that is not a mention.
 *
 * The message id is `channel:ts`, not the envelope's `event_id`: a retry repeats both, but one DM that also
 * mentions the bot arrives as two events (`message` and `app_mention`) with two event ids and one `ts`.
 */
export function eventToChatMessage(envelope: EventCallback, receivedAt: Date): ChatMessage | null {
  const { event } = envelope
  if (event.type !== 'app_mention' && event.type !== 'message') return null
  if (event.bot_id || (event.subtype && !PERSON_SUBTYPES.has(event.subtype))) return null
  if (!event.user || !event.channel || !event.ts) return null
  if (envelope.authorizations?.some((a) => a.user_id === event.user)) return null
  const direct = event.channel_type === 'im' || event.channel.startsWith('D')
  // A channel message reaches us only as app_mention; a plain `message` outside a DM is not ours to read.
  if (event.type === 'message' && !direct) return null
  return {
    platform: PLATFORM,
    workspaceId: envelope.team_id,
    chatId: event.channel,
    chatKind: direct ? 'direct' : 'group',
    userId: event.user,
    text: slackTextToPlain(event.text ?? ''),
    mentionsBot: true,
    platformMessageId: `${event.channel}:${event.ts}`,
    receivedAt,
  }
}

/**
 * The ChatMessage for `/crm <text>`: always addressed to the bot. Slack never redelivers a command, and its
 * `trigger_id` is unique per invocation, so that is the message id. In a DM (with anyone) the chat becomes
 * the user's DM with the app, so later pushes (a reminder it sets) go where the bot can post and nobody
 * else reads; in a channel it stays the channel.
 */
export function commandToChatMessage(command: SlashCommand, receivedAt: Date): ChatMessage {
  const direct = command.channel_id.startsWith('D') || command.channel_name === 'directmessage'
  return {
    platform: PLATFORM,
    workspaceId: command.team_id,
    chatId: direct ? command.user_id : command.channel_id,
    chatKind: direct ? 'direct' : 'group',
    userId: command.user_id,
    ...(command.user_name && { userName: command.user_name }),
    text: slackTextToPlain(command.text),
    mentionsBot: true,
    platformMessageId: `command:${command.trigger_id}`,
    receivedAt,
  }
}
