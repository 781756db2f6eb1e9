import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { instantFromZoned, zonedParts } from '../../crm/local-time.ts'
import { cancelReminder, completeReminder, snoozeReminder } from '../../crm/reminders.ts'
import { reminderSummary } from '../../crm/summaries.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** How long to snooze: `tomorrow` (09:00 in the user's zone) or a number of minutes from now. */
export type SnoozeFor = { until: 'tomorrow' } | { minutes: number }

const reply = (text: string, data: Record<string, unknown>): Reply => ({ text, intent: 'action', data })

export async function markReminderDone(
  crm: CrmContext,
  actor: Actor,
  id: string,
  lang: Lang,
): Promise<Reply> {
  const r = await completeReminder(crm, actor, id)
  return reply(t(lang, `✅ 已完成:${r.text}`, `✅ Done: ${r.text}`), { reminderId: r.id, status: r.status })
}

export async function cancelReminderNow(
  crm: CrmContext,
  actor: Actor,
  id: string,
  lang: Lang,
): Promise<Reply> {
  const r = await cancelReminder(crm, actor, id)
  return reply(t(lang, `🗑️ 已取消提醒:${r.text}`, `🗑️ Reminder cancelled: ${r.text}`), {
    reminderId: r.id,
    status: r.status,
  })
}

export async function snoozeReminderFor(
  crm: CrmContext,
  actor: Actor,
  id: string,
  snooze: SnoozeFor,
  lang: Lang,
): Promise<Reply> {
  const r = await snoozeReminder(crm, actor, id, snoozeUntil(crm.now(), actor.timeZone, snooze))
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US'
  const summary = reminderSummary(r, { timeZone: actor.timeZone, locale }, null)
  return reply(t(lang, `😴 已推迟到 ${summary.dueLocal}`, `😴 Snoozed until ${summary.dueLocal}`), {
    reminder: summary,
  })
}

function snoozeUntil(now: Date, timeZone: string, snooze: SnoozeFor): Date {
  if ('until' in snooze) {
    const local = zonedParts(new Date(now.getTime() + 86_400_000), timeZone)
    return instantFromZoned({ year: local.year, month: local.month, day: local.day, hour: 9 }, timeZone)
  }
  return new Date(now.getTime() + snooze.minutes * 60_000)
}
