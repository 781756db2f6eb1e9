import { eq } from 'drizzle-orm'
import type { Log } from '../chat/chat-bot.ts'
import type { ChatSender } from '../chat/chat-message.ts'
import { t } from '../chat/intents/intent-context.ts'
import { reminderDueActions } from '../chat/intents/reminders.ts'
import type { ReminderDueData } from '../chat/reply-data.ts'
import type { QuietHours } from '../config.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { dueReminders, recordDelivery } from '../crm/reminders.ts'
import { customerNames, reminderSummary } from '../crm/summaries.ts'
import { workspaceRules } from '../crm/workspace-settings.ts'
import { users, workspaces } from '../db/schema.ts'
import { mayPushNow } from './quiet-hours.ts'

/**
 * Pushes every due reminder into the chat it was set in, with Done / Snooze buttons. A failed push stays
 * pending and is tried again on the next tick, up to five times.
 */
export async function deliverDueReminders(
  crm: CrmContext,
  senders: Map<string, ChatSender>,
  log: Log,
  defaultQuietHours: QuietHours | null = null,
): Promise<number> {
  const rules = new Map<string, QuietHours | null>()
  const due = await dueReminders(crm)
  const names = await customerNames(
    crm,
    due.map((r) => r.customerId),
  )
  let delivered = 0
  for (const reminder of due) {
    const [row] = await crm.db
      .select({ user: users, workspace: workspaces })
      .from(users)
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(eq(users.id, reminder.ownerUserId))
    if (row) {
      if (!rules.has(row.workspace.id))
        rules.set(
          row.workspace.id,
          (await workspaceRules(crm, row.workspace.id, defaultQuietHours)).quietHours,
        )
      // Held through quiet hours, unless the user asked for a time inside them; it stays pending till then.
      if (!mayPushNow(crm.now(), row.user.timeZone, rules.get(row.workspace.id) ?? null, reminder.dueAt))
        continue
    }
    const sender = senders.get(reminder.platform)
    if (!row || !sender) {
      log('reminder.no_sender', { reminderId: reminder.id, platform: reminder.platform })
      await recordDelivery(crm, reminder, false)
      continue
    }
    const lang = /[\u3400-\u9fff]/.test(reminder.text) ? 'zh' : 'en'
    const summary = reminderSummary(
      reminder,
      { timeZone: row.user.timeZone, locale: lang === 'zh' ? 'zh-CN' : 'en-US' },
      reminder.customerId ? (names.get(reminder.customerId) ?? null) : null,
    )
    const data: ReminderDueData = { reminder: summary }
    try {
      await sender.send(
        {
          platform: reminder.platform,
          workspaceId: row.workspace.externalId,
          chatId: reminder.chatId,
          userPlatformId: row.user.platformUserId,
        },
        {
          text: t(lang, `⏰ 提醒:${reminder.text}`, `⏰ Reminder: ${reminder.text}`),
          intent: 'reminder_due',
          data: data as unknown as Record<string, unknown>,
          actions: reminderDueActions(reminder.id, lang),
        },
      )
      await recordDelivery(crm, reminder, true)
      delivered++
    } catch (error) {
      log('reminder.push_failed', {
        reminderId: reminder.id,
        attempt: reminder.attempts + 1,
        error: String(error),
      })
      await recordDelivery(crm, reminder, false)
    }
  }
  return delivered
}
