import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { cancelReminder, cancelReminderSeries, listOpenReminders } from '../../crm/reminders.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/**
 * `取消提醒 交周报` / `cancel reminder forecast` cancels the reminder (a recurring one: the whole series);
 * `取消这次提醒 交周报` / `skip reminder forecast` cancels only its next occurrence.
 */
export const CANCEL_REMINDER_COMMAND =
  /^(?:取消|删除|删掉|不要)(这次|本次|下次)?(?:的)?提醒\s*[:：]?\s*(.*)$|^(?:cancel|delete|remove|stop)\s+(?:the\s+|my\s+)?(?:(next)\s+)?reminders?\s*(?:to|about|for)?\s*[:：]?\s*(.*)$|^(skip)\s+(?:the\s+)?(?:next\s+)?reminders?\s*(?:to|about|for)?\s*(.*)$/i

export async function cancelReminderCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const m = CANCEL_REMINDER_COMMAND.exec(text)
  const onlyNext = Boolean(m?.[1] || m?.[3] || m?.[5])
  const query = (m?.[2] ?? m?.[4] ?? m?.[6] ?? '').trim().toLowerCase()
  const open = await listOpenReminders(crm, actor, 200)
  const matches = query
    ? open.filter((r) => r.text.toLowerCase().includes(query) || query.includes(r.text.toLowerCase()))
    : []
  // One per series: its occurrences share a text, and the series is what was asked about.
  const bySeries = [...new Map(matches.map((r) => [r.seriesId ?? r.id, r])).values()]
  const target = bySeries[0]
  if (!target || bySeries.length > 1) {
    const shown = bySeries.length > 1 ? bySeries : open
    return {
      text: t(
        lang,
        bySeries.length > 1
          ? `有 ${bySeries.length} 条提醒符合,要取消哪一条?`
          : `没有找到「${query}」的提醒。你的提醒:`,
        bySeries.length > 1
          ? `${bySeries.length} reminders match; which one?`
          : `No reminder matches "${query}". Yours:`,
      ),
      intent: 'list_reminders',
      data: null,
      actions: shown.slice(0, 5).map((r) => ({
        action: 'reminder_cancel' as const,
        label: `🗑️ ${r.text.slice(0, 20)}`,
        value: { id: r.id },
        style: 'danger' as const,
      })),
    }
  }
  if (target.seriesId && !onlyNext) {
    const cancelled = await cancelReminderSeries(crm, actor, target.id)
    return {
      text: t(lang, `🗑️ 已取消周期提醒:${target.text}`, `🗑️ Cancelled the recurring reminder: ${target.text}`),
      intent: 'action',
      data: { cancelled: cancelled.map((r) => r.id), series: target.seriesId },
    }
  }
  const cancelled = await cancelReminder(crm, actor, target.id)
  return {
    text: target.seriesId
      ? t(
          lang,
          `🗑️ 已跳过这一次:${target.text}(之后照常提醒)`,
          `🗑️ Skipped this one: ${target.text} (the series goes on)`,
        )
      : t(lang, `🗑️ 已取消提醒:${target.text}`, `🗑️ Reminder cancelled: ${target.text}`),
    intent: 'action',
    data: { cancelled: [cancelled.id] },
  }
}
