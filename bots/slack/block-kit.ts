/** Small Block Kit builders that keep to Slack's limits, so a long CRM record never gets a message refused. */
import type { types as slack } from '@slack/bolt'
import type { ReplyAction } from '../../src/chat/chat-message.ts'
import { actionButton } from './action-value.ts'
import { clip, escapeMrkdwn } from './slack-text.ts'

export type Block = slack.KnownBlock

/** Slack refuses a message with more than 50 blocks (100 in a Home tab). */
export const MAX_MESSAGE_BLOCKS = 50
/** Slack's limit on a section's text; the fallback `text` has a softer 4,000 (longer is truncated). */
const MAX_SECTION_TEXT = 3000

/** A mrkdwn section. `raw` text is ours (already mrkdwn); anything else from users goes through `esc`. */
export function section(raw: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(raw, MAX_SECTION_TEXT) } }
}

/** A section of up to 10 two-column fields (Slack's limit), each `*label*\nvalue`. */
export function fields(pairs: [label: string, value: string | null | undefined][]): Block | null {
  const shown = pairs.filter(([, value]) => value).slice(0, 10)
  if (!shown.length) return null
  return {
    type: 'section',
    fields: shown.map(([label, value]) => ({
      type: 'mrkdwn' as const,
      text: clip(`*${esc(label)}*\n${esc(value ?? '')}`, 2000),
    })),
  }
}

/** A header: plain text, at most 150 characters. */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: true } }
}

/** Small grey lines under a block; up to 10 elements. */
export function context(parts: (string | null | undefined)[]): Block | null {
  const shown = parts.filter((p): p is string => Boolean(p)).slice(0, 10)
  if (!shown.length) return null
  return { type: 'context', elements: shown.map((p) => ({ type: 'mrkdwn' as const, text: clip(p, 2000) })) }
}

export function divider(): Block {
  return { type: 'divider' }
}

/** A row of buttons (an actions block holds at most 25); `offset` keeps action ids unique per message. */
export function buttons(actions: ReplyAction[] | undefined, offset = 0): Block | null {
  if (!actions?.length) return null
  return { type: 'actions', elements: actions.slice(0, 25).map((a, i) => actionButton(a, offset + i)) }
}

/** Escapes user or CRM text for mrkdwn. */
export function esc(text: string): string {
  return escapeMrkdwn(text)
}

/** Drops empty builders' nulls and keeps to the block limit. */
export function compact(blocks: (Block | null)[], max = MAX_MESSAGE_BLOCKS): Block[] {
  return blocks.filter((b): b is Block => b !== null).slice(0, max)
}
