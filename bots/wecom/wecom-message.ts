/** Message bodies the WeCom server API, the AI bot and the group webhook accept (the subset this app sends). */

/** One button on a `button_interaction` card; its `key` comes back in `template_card_event`. */
export interface TemplateCardButton {
  text: string
  /** 1 blue, 2 grey, 3 red, 4 outline; default 1. */
  style?: 1 | 2 | 3 | 4
  key: string
}

/** A `button_interaction` or `text_notice` template card. */
export interface WecomTemplateCard {
  card_type: 'button_interaction' | 'text_notice'
  main_title: { title: string; desc?: string }
  sub_title_text?: string
  horizontal_content_list?: { keyname: string; value: string }[]
  button_list?: TemplateCardButton[]
  /** Unique per app, `[0-9a-zA-Z_\-@]`, ≤ 128 bytes; a click comes back with it. */
  task_id?: string
  /** A text_notice must say what tapping it does; 0 = nothing. */
  card_action?: { type: 0 }
}

/** An app message (`message/send`, `appchat/send`) or AI bot push body, by `msgtype`. */
export type WecomMessageBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | { msgtype: 'template_card'; template_card: WecomTemplateCard }
  /** An image uploaded first with media/upload (a `media_id` lives three days). */
  | { msgtype: 'image'; image: { media_id: string } }

/**
 * Cuts text to at most `maxBytes` of UTF-8 without splitting a character (WeCom counts bytes: 2048 for app
 * markdown, 4096 for the webhook, 20480 for an AI bot stream), marking the cut with an ellipsis.
 */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  const ellipsis = '…'
  let out = ''
  let used = Buffer.byteLength(ellipsis)
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (used + size > maxBytes) break
    out += char
    used += size
  }
  return out + ellipsis
}

/** Cuts text to `max` characters (card titles and descriptions are limited in characters). */
export function truncateChars(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
