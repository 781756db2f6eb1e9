import { createReminder, listOpenReminders } from '../../crm/reminders.ts'
import { customerNames, reminderSummary } from '../../crm/summaries.ts'
import type { ReplyAction } from '../chat-message.ts'
import type { ReminderListData, ReminderSetData, ReminderSummary } from '../reply-data.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'
import { askReminderTime, writtenZoneTime } from './reminder-time.ts'
import { resolveCustomer } from './resolve-customer.ts'

/** 提醒我周五下午3点给李总发合同: a reminder pushed into this chat when due. */
export const handleSetReminder: IntentHandler = async (context) => {
  const { crm, actor, parsed, message, lang } = context
  if (parsed.due_unsure && !context.confirmed) {
    const question = askReminderTime(context)
    if (question) return question
  }
  if (!parsed.due_at) {
    return {
      text: t(
        lang,
        '什么时候提醒你?例如「提醒我明天下午3点给李总发合同」。',
        'When should I remind you? e.g. "remind me tomorrow 3pm to send the contract".',
      ),
      intent: 'set_reminder',
      data: null,
    }
  }
  let customer = null
  if (parsed.customer) {
    const resolved = await resolveCustomer(context, { createIfMissing: false })
    if (resolved.kind === 'ok') customer = resolved.customer
  }
  const reminder = await createReminder(crm, actor, {
    text: parsed.task || context.text,
    dueAt: new Date(parsed.due_at),
    platform: message.platform,
    chatId: message.chatId,
    customerId: customer?.id,
    recurrence: parsed.recurrence ?? null,
  })
  const summary = reminderSummary(reminder, actor, customer?.name ?? null)
  const data: ReminderSetData = { reminder: summary }
  // `Friday 10am PST`: the user's own time first, then the time as they wrote it.
  const there = writtenZoneTime(reminder.dueAt, parsed.due_zone, lang)
  const when = there ? `${summary.dueLocal} (${there})` : summary.dueLocal
  return {
    text: summary.repeats
      ? t(
          lang,
          `🔁 好的,${summary.repeats} 提醒你:${summary.text}(第一次 ${when})`,
          `🔁 OK, ${summary.repeats} I'll remind you: ${summary.text} (first ${when})`,
        )
      : t(lang, `⏰ 好的,${when} 提醒你:${summary.text}`, `⏰ OK, I'll remind you ${when}: ${summary.text}`),
    intent: 'set_reminder',
    data: data as unknown as Record<string, unknown>,
    actions: [
      {
        action: 'reminder_cancel',
        label: t(lang, '取消', 'Cancel'),
        value: { id: reminder.id },
        style: 'danger',
      },
    ],
  }
}

/** 我的提醒: open reminders, soonest first. */
export const handleListReminders: IntentHandler = async ({ crm, actor, lang }) => {
  const rows = await listOpenReminders(crm, actor)
  const names = await customerNames(
    crm,
    rows.map((r) => r.customerId),
  )
  const reminders = rows.map((r) =>
    reminderSummary(r, actor, r.customerId ? (names.get(r.customerId) ?? null) : null),
  )
  const data: ReminderListData = { reminders }
  return {
    text: reminderListText(reminders, lang),
    intent: 'list_reminders',
    data: data as unknown as Record<string, unknown>,
    actions: reminders
      .slice(0, 5)
      .map((r) => ({ action: 'reminder_done', label: `✓ ${r.text.slice(0, 20)}`, value: { id: r.id } })),
  }
}

export function reminderListText(reminders: ReminderSummary[], lang: Lang): string {
  if (reminders.length === 0) return t(lang, '你没有待办提醒。', 'You have no open reminders.')
  return [
    t(lang, `你有 ${reminders.length} 条提醒:`, `You have ${reminders.length} reminders:`),
    ...reminders.map((r) =>
      r.repeats
        ? `🔁 ${r.repeats} ${r.text}${t(lang, `(下次 ${r.dueLocal})`, ` (next ${r.dueLocal})`)}`
        : `⏰ ${r.dueLocal} ${r.text}`,
    ),
  ].join('\n')
}

/** The buttons under a due reminder. */
export function reminderDueActions(id: string, lang: Lang): ReplyAction[] {
  return [
    { action: 'reminder_done', label: t(lang, '完成', 'Done'), value: { id }, style: 'primary' },
    { action: 'reminder_snooze', label: t(lang, '1小时后', 'Snooze 1h'), value: { id, minutes: 60 } },
    { action: 'reminder_snooze', label: t(lang, '明天', 'Tomorrow'), value: { id, until: 'tomorrow' } },
  ]
}
