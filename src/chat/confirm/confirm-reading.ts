import type { ParsedMessage } from '../../understand/parsed-message.ts'
import type { Reply } from '../chat-message.ts'
import { type IntentContext, type Lang, t } from '../intents/intent-context.ts'
import { interactionLabel, moneyLabel, sentimentLabel, stageLabel } from '../labels.ts'
import { askToConfirm } from './ask-confirmation.ts'

/** What the bot would write for a reading, in one line: `记录跟进 · 华为 / 张总 · 电话 · 跟进 2026-11-25 09:00`. */
export function describeReading(parsed: ParsedMessage, lang: Lang): string {
  const who = [parsed.customer, parsed.contact].filter(Boolean).join(' / ')
  const parts: (string | null)[] = []
  switch (parsed.intent) {
    case 'log_interaction':
      parts.push(
        t(lang, '记录跟进', 'Log a note'),
        who || null,
        parsed.interaction_type ? interactionLabel(parsed.interaction_type, lang) : null,
        parsed.sentiment ? sentimentLabel(parsed.sentiment, lang) : null,
      )
      break
    case 'update_deal':
      parts.push(
        t(lang, '更新商机', 'Update the deal'),
        who || null,
        parsed.stage ? stageLabel(parsed.stage, lang) : null,
        parsed.amount !== null ? moneyLabel(parsed.amount, parsed.currency ?? 'CNY', lang) : null,
      )
      break
    default:
      parts.push(t(lang, '设提醒', 'Set a reminder'), who || null, parsed.task)
  }
  if (parsed.due_at) parts.push(t(lang, `时间 ${localTime(parsed.due_at)}`, `at ${localTime(parsed.due_at)}`))
  return parts.filter(Boolean).join(' · ')
}

/** `2026-11-25T09:00:00+08:00` as written in the user's own offset: `2026-11-25 09:00`. */
const localTime = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/** Asks whether an unsure reading is right before writing it (`我理解为:… 对吗?`). */
export function askAboutReading(context: IntentContext): Promise<Reply> {
  const { parsed, lang } = context
  const line = describeReading(parsed, lang)
  return askToConfirm(context, {
    question: t(lang, `我理解为:${line}。对吗?`, `I read this as: ${line}. Is that right?`),
    options: [{ label: t(lang, '确认', 'Confirm'), write: { parsed } }],
  })
}
