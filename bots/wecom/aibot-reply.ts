import type { Reply } from '../../src/chat/chat-message.ts'
import { renderMarkdown } from './render-markdown.ts'
import { renderButtonCard } from './render-template-card.ts'
import { truncateBytes, type WecomMessageBody, type WecomTemplateCard } from './wecom-message.ts'

/** An AI bot stream holds up to 20480 bytes of markdown. */
const STREAM_BYTES = 20480
/** What a stream shows while the answer is being worked out. */
export const STREAM_PLACEHOLDER = '⏳'

/** A passive stream answer, with the reply's button card when it has one. */
export type AibotStreamBody =
  | { msgtype: 'stream'; stream: { id: string; finish: boolean; content: string } }
  | {
      msgtype: 'stream_with_template_card'
      stream: { id: string; finish: boolean; content: string }
      template_card: WecomTemplateCard
    }

/** The markdown an AI bot shows for a reply. */
export function aibotMarkdown(reply: Reply): string {
  return truncateBytes(renderMarkdown(reply), STREAM_BYTES)
}

/**
 * A stream frame: unfinished it shows the placeholder; finished it shows the reply, with its buttons as a
 * template card in the same answer (a stream may carry one card, once).
 */
export function streamBody(id: string, reply: Reply | null, finish: boolean): AibotStreamBody {
  const stream = { id, finish, content: finish ? (reply ? aibotMarkdown(reply) : '') : STREAM_PLACEHOLDER }
  const card = finish && reply ? renderButtonCard(reply) : null
  return card
    ? { msgtype: 'stream_with_template_card', stream, template_card: card }
    : { msgtype: 'stream', stream }
}

/**
 * The one message a `response_url` takes (it is single-use): the button card when the reply has buttons,
 * since those are what the user acts on, and markdown otherwise.
 */
export function responseUrlBody(reply: Reply): WecomMessageBody {
  const card = renderButtonCard(reply)
  return card
    ? { msgtype: 'template_card', template_card: card }
    : { msgtype: 'markdown', markdown: { content: aibotMarkdown(reply) } }
}

type PushBody = Extract<WecomMessageBody, { msgtype: 'markdown' | 'template_card' }>

/** What an active push (`aibot_send_msg`) sends for a reply: markdown, then a card with its buttons. */
export function pushBodies(reply: Reply): PushBody[] {
  const card = renderButtonCard(reply)
  return [
    { msgtype: 'markdown', markdown: { content: aibotMarkdown(reply) } },
    ...(card ? [{ msgtype: 'template_card' as const, template_card: card }] : []),
  ]
}
