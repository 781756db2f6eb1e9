import type { Reply } from '../../src/chat/chat-message.ts'
import { type Lang, languageOf } from '../../src/chat/intents/intent-context.ts'
import { type Block, buttons, compact, esc, section } from './block-kit.ts'
import {
  renderCustomerCard,
  renderDealUpdated,
  renderNoteLogged,
  renderPipelineSummary,
} from './render-crm-blocks.ts'
import { renderDigest, renderReminder, renderReminderList } from './render-reminder-blocks.ts'
import { clip } from './slack-text.ts'

/** A Slack message body: `text` is the notification and screen-reader fallback, `blocks` what is shown. */
export interface SlackMessage {
  text: string
  blocks: Block[]
}

// biome-ignore lint/suspicious/noExplicitAny: each renderer narrows `data` to its intent's shape (reply-data.ts)
type Renderer = (reply: Reply, data: any, lang: Lang) => (Block | null)[]

/** One renderer per intent that has structured data; anything else is its text plus its buttons. */
const RENDERERS: Partial<Record<Reply['intent'], Renderer>> = {
  log_interaction: renderNoteLogged,
  lookup_customer: renderCustomerCard,
  update_deal: renderDealUpdated,
  pipeline_summary: renderPipelineSummary,
  list_reminders: renderReminderList,
  set_reminder: renderReminder,
  reminder_due: renderReminder,
  digest: renderDigest,
}

/** Renders a pipeline `Reply` as Block Kit. */
export function renderReply(reply: Reply): SlackMessage {
  const renderer = reply.data ? RENDERERS[reply.intent] : undefined
  const blocks = renderer
    ? renderer(reply, reply.data, languageOf(reply.text))
    : [section(esc(reply.text)), buttons(reply.actions)]
  // Slack truncates `text` past 4,000 characters; a shorter fallback keeps notifications readable.
  return { text: esc(clip(reply.text, 3000)), blocks: compact(blocks) }
}
