/** Block Kit for reminders (set, listed, due) and the morning digest. */
import type { Reply } from '../../src/chat/chat-message.ts'
import type { Lang } from '../../src/chat/intents/intent-context.ts'
import { t } from '../../src/chat/intents/intent-context.ts'
import { reminderDueActions } from '../../src/chat/intents/reminders.ts'
import type { DigestData, ReminderListData, ReminderSummary } from '../../src/chat/reply-data.ts'
import { type Block, buttons, context, esc, section } from './block-kit.ts'

/** Two blocks a reminder; 20 of them plus a head stay under Slack's 50 blocks. */
const MAX_LISTED = 20

export const reminderLine = (r: ReminderSummary) =>
  `⏰ *${esc(r.dueLocal)}* ${esc(r.text)}${r.customerName ? ` · 📇 ${esc(r.customerName)}` : ''}`

/** `list_reminders`: each open reminder with its own Done / Snooze 1h / Tomorrow. */
export function renderReminderList(reply: Reply, data: ReminderListData, lang: Lang): (Block | null)[] {
  if (!data.reminders.length) return [section(esc(reply.text))]
  const shown = data.reminders.slice(0, MAX_LISTED)
  const rest = data.reminders.length - shown.length
  return [
    section(esc(reply.text.split('\n')[0] ?? '')),
    ...shown.flatMap((r, i) => [section(reminderLine(r)), buttons(reminderDueActions(r.id, lang), i * 3)]),
    rest > 0 ? context([t(lang, `还有 ${rest} 条未显示`, `${rest} more not shown`)]) : null,
  ]
}

/** `set_reminder` and `reminder_due`: the reminder and its buttons (Cancel, or Done / Snooze 1h / Tomorrow). */
export function renderReminder(reply: Reply, data: { reminder: ReminderSummary }): (Block | null)[] {
  return [section(esc(reply.text)), context([reminderLine(data.reminder)]), buttons(reply.actions)]
}

/** `digest`: today's reminders, customers and deals going cold, and for managers the pipeline total. */
export function renderDigest(reply: Reply, data: DigestData, lang: Lang): (Block | null)[] {
  const list = (title: string, lines: string[]) =>
    lines.length ? section(`*${title}*\n${lines.slice(0, 15).join('\n')}`) : null
  return [
    section(`*${esc(reply.text.split('\n')[0] ?? '')}*`),
    list(t(lang, '今日提醒', 'Due today'), data.dueToday.map(reminderLine)),
    list(
      t(lang, '客户变冷', 'Customers going cold'),
      data.staleCustomers.map(
        (c) => `🧊 ${esc(c.name)} · ${t(lang, `${c.daysSilent} 天未跟进`, `${c.daysSilent} days silent`)}`,
      ),
    ),
    list(
      t(lang, '商机停滞', 'Deals stalling'),
      data.staleDeals.map(
        (d) =>
          `💼 ${esc(d.title)} · ${esc(d.customerName)} · ${t(lang, `${d.daysSilent} 天`, `${d.daysSilent} days`)}`,
      ),
    ),
    data.pipeline
      ? context([
          t(
            lang,
            `📊 在途 ${data.pipeline.total.count} 个商机`,
            `📊 ${data.pipeline.total.count} open deals`,
          ),
        ])
      : null,
  ]
}
