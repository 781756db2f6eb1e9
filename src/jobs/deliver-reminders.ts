import type { Log } from '../chat/chat-bot.ts'
import type { ChatSender, Reply } from '../chat/chat-message.ts'
import { t } from '../chat/intents/intent-context.ts'
import { reminderDueActions } from '../chat/intents/reminders.ts'
import type { ReminderDueData } from '../chat/reply-data.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { type ClaimedReminder, claimDueReminders, settleRemindersStatement } from '../crm/reminder-claims.ts'
import { reminderSummary } from '../crm/summaries.ts'
import { createOutboxDispatcher } from '../outbox/outbox-dispatcher.ts'
import { enqueueStatement, type OutboxItem } from '../outbox/outbox-store.ts'

/** A push this long after its due time went out late (the server was down); its text says so. */
export const LATE_AFTER_MS = 5 * 60_000

export interface EnqueueRemindersOptions {
  /** How long a claim holds if this process dies before queueing the push. Default 60 s. */
  leaseMs?: number
  /** Reminders claimed per batch (one claim query, one context query, one write each). Default 1,000. */
  batchSize?: number
  /** Platforms that can send; a reminder for any other is settled `failed`. */
  platforms: ReadonlySet<string>
  log: Log
}

/**
 * Claims every due reminder and puts its push (with Done / Snooze buttons) in the outbox, batch by batch.
 * The outbox row's key `reminder:<id>:<due ms>` makes the push single even if two schedulers claimed the
 * same reminder one after the other (the first died after queueing); a snoozed reminder is a new key.
 * Resolves to the number of pushes queued.
 */
export async function enqueueDueReminders(crm: CrmContext, options: EnqueueRemindersOptions) {
  const batchSize = options.batchSize ?? 1000
  let queued = 0
  for (;;) {
    const claimed = await claimDueReminders(crm, { leaseMs: options.leaseMs ?? 60_000, limit: batchSize })
    if (claimed.length === 0) return queued
    const pushable = claimed.filter((c) => c.owner && options.platforms.has(c.reminder.platform))
    const unreachable = claimed.filter((c) => !pushable.includes(c))
    for (const c of unreachable)
      options.log('reminder.no_sender', { reminderId: c.reminder.id, platform: c.reminder.platform })
    const now = crm.now().getTime()
    await crm.db.batch([
      enqueueStatement(
        crm.db,
        pushable.map((c) => reminderPush(c, now)),
        now,
      ),
      settleRemindersStatement(
        crm,
        pushable.map((c) => c.reminder.id),
        'sent',
      ),
      settleRemindersStatement(
        crm,
        unreachable.map((c) => c.reminder.id),
        'failed',
      ),
    ])
    queued += pushable.length
    if (claimed.length < batchSize) return queued
  }
}

/** The push for a due reminder, in the language it was written in, marked late when it is. */
export function reminderPush(claimed: ClaimedReminder, now: number): OutboxItem {
  const { reminder, owner } = claimed
  const lang = /[\u3400-\u9fff]/.test(reminder.text) ? 'zh' : 'en'
  const summary = reminderSummary(
    reminder,
    { timeZone: owner?.timeZone ?? 'UTC', locale: lang === 'zh' ? 'zh-CN' : 'en-US' },
    claimed.customerName,
  )
  const late = now - reminder.dueAt.getTime() > LATE_AFTER_MS
  const data: ReminderDueData = { reminder: summary }
  const reply: Reply = {
    text: late
      ? t(
          lang,
          `⏰ 提醒(迟到:原定 ${summary.dueLocal}):${reminder.text}`,
          `⏰ Reminder (late: was due ${summary.dueLocal}): ${reminder.text}`,
        )
      : t(lang, `⏰ 提醒:${reminder.text}`, `⏰ Reminder: ${reminder.text}`),
    intent: 'reminder_due',
    data: { ...(data as unknown as Record<string, unknown>), late },
    actions: reminderDueActions(reminder.id, lang),
  }
  return {
    dedupeKey: `reminder:${reminder.id}:${reminder.dueAt.getTime()}`,
    target: {
      platform: reminder.platform,
      workspaceId: claimed.platformWorkspaceId ?? '',
      chatId: reminder.chatId,
      ...(owner && { userPlatformId: owner.platformUserId }),
    },
    reply,
    late,
  }
}

/**
 * Queues due reminders and sends the outbox through `senders` at once: one scheduler pass for a caller
 * without a running dispatcher (tests, a one-off). Resolves to the number of reminder pushes queued.
 */
export async function deliverDueReminders(crm: CrmContext, senders: Map<string, ChatSender>, log: Log) {
  const queued = await enqueueDueReminders(crm, { platforms: new Set(senders.keys()), log })
  await createOutboxDispatcher({ db: crm.db, senders, log, now: crm.now, waitUntil: () => {} }).drain()
  return queued
}
