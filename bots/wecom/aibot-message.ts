import { z } from 'zod'
import type { ChatAction, ChatMessage } from '../../src/chat/chat-message.ts'
import { decodeButtonKey } from './button-key.ts'

/** The AI bot's platform name, in callback and long-connection mode alike. */
export const WECOM_AIBOT_PLATFORM = 'wecom-aibot'

const From = z.object({ userid: z.string().min(1), corpid: z.string().optional() })
const common = {
  msgid: z.string().min(1),
  aibotid: z.string().default(''),
  /** Only in group chats. */
  chatid: z.string().min(1).optional(),
  chattype: z.enum(['single', 'group']).default('single'),
  from: From,
  /** Where a later answer may go: once, within an hour. */
  response_url: z.string().url().optional(),
}
const Content = z.object({ content: z.string() })
const CardEvent = z.object({ event_key: z.string().optional(), task_id: z.string().optional() })

/**
 * One AI bot callback body, the same JSON whether it came decrypted from `/wecom/aibot` or as a long
 * connection frame's `body`. `stream` is WeCom asking for more of a streamed answer (callback mode only).
 */
export const AibotBody = z.discriminatedUnion('msgtype', [
  z.object({ ...common, msgtype: z.literal('text'), text: Content }),
  z.object({ ...common, msgtype: z.literal('voice'), voice: Content }),
  z.object({
    ...common,
    msgtype: z.literal('mixed'),
    mixed: z.object({
      msg_item: z.array(z.object({ msgtype: z.string(), text: Content.optional() })),
    }),
  }),
  z.object({ ...common, msgtype: z.literal('image') }),
  z.object({ ...common, msgtype: z.literal('file') }),
  z.object({ ...common, msgtype: z.literal('video') }),
  z.object({
    ...common,
    from: From.optional(),
    msgtype: z.literal('stream'),
    stream: z.object({ id: z.string().min(1) }),
  }),
  z.object({
    ...common,
    msgtype: z.literal('event'),
    // The documented callback nests the click under `template_card_event`; the SDK's types put it flat.
    event: CardEvent.extend({ eventtype: z.string(), template_card_event: CardEvent.optional() }),
  }),
])
export type AibotBody = z.infer<typeof AibotBody>
type Addressed = Exclude<AibotBody, { msgtype: 'stream' }>

/** Single chats are addressed by the user's id, groups by `chatid`: what `aibot_send_msg` wants back. */
export function aibotChatId(body: Addressed): string {
  return body.chatid ?? body.from.userid
}

/** The text of a text, voice (already transcribed by WeCom) or mixed message; null for media only. */
export function aibotText(body: AibotBody): string | null {
  if (body.msgtype === 'text') return body.text.content
  if (body.msgtype === 'voice') return body.voice.content
  if (body.msgtype === 'mixed') {
    const text = body.mixed.msg_item.flatMap((item) => (item.text ? [item.text.content] : [])).join('\n')
    return text.trim() ? text : null
  }
  return null
}

/**
 * Drops the `@BotName` WeCom puts in front of a group message, when it is one of the bot's names (BOT_NAMES),
 * so a logged note reads as the user wrote it. Other mentions stay: they may name whom a note is about.
 */
export function stripLeadingMention(text: string, botNames: readonly string[]): string {
  for (const name of botNames) {
    const mention = `@${name}`
    if (text.trimStart().startsWith(mention)) return text.trimStart().slice(mention.length).trimStart()
  }
  return text
}

/**
 * A ChatMessage for a message body. In a group the bot is only ever sent messages that @-mention it, so a
 * group message always counts as mentioning it.
 */
export function aibotChatMessage(
  body: AibotBody,
  workspaceId: string,
  now: Date,
  botNames: readonly string[],
): ChatMessage | null {
  const raw = aibotText(body)
  if (raw === null || body.msgtype === 'stream') return null
  const text = stripLeadingMention(raw, botNames)
  return {
    platform: WECOM_AIBOT_PLATFORM,
    workspaceId,
    chatId: aibotChatId(body),
    chatKind: body.chattype === 'group' ? 'group' : 'direct',
    userId: body.from.userid,
    text,
    mentionsBot: true,
    platformMessageId: body.msgid,
    receivedAt: now,
  }
}

/** A ChatAction for a template card button press made by this app; null for any other event. */
export function aibotChatAction(
  body: AibotBody,
  workspaceId: string,
  now: Date,
): { action: ChatAction; taskId: string | undefined } | null {
  if (body.msgtype !== 'event' || body.event.eventtype !== 'template_card_event') return null
  const click = body.event.template_card_event ?? body.event
  const pressed = decodeButtonKey(click.event_key ?? '')
  if (!pressed) return null
  return {
    action: {
      platform: WECOM_AIBOT_PLATFORM,
      workspaceId,
      chatId: aibotChatId(body),
      userId: body.from.userid,
      ...pressed,
      receivedAt: now,
    },
    taskId: click.task_id,
  }
}

/**
 * The help command stands in for `enter_chat` (a user's first visit of the day): the pipeline picks the
 * reply language from the text, and the greeting should be Chinese and say what the bot can do.
 */
export function aibotWelcomeMessage(body: AibotBody, workspaceId: string, now: Date): ChatMessage | null {
  if (body.msgtype !== 'event' || body.event.eventtype !== 'enter_chat') return null
  return {
    platform: WECOM_AIBOT_PLATFORM,
    workspaceId,
    chatId: aibotChatId(body),
    chatKind: 'direct',
    userId: body.from.userid,
    text: '帮助',
    mentionsBot: true,
    platformMessageId: body.msgid,
    receivedAt: now,
  }
}

/** The AI bot's workspace: the corp id when configured, else the bot's own id (messages carry no corp id). */
export function aibotWorkspaceId(body: AibotBody, corpId: string | undefined): string {
  return corpId ?? body.aibotid
}
