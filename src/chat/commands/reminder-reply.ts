import { and, desc, eq, gte } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { reminders } from '../../db/schema.ts'
import { parseNumber } from '../../understand/chinese-numbers.ts'
import { markReminderDone, type SnoozeFor, snoozeReminderFor } from '../actions/reminder-actions.ts'
import type { Reply } from '../chat-message.ts'
import type { Lang } from '../intents/intent-context.ts'

/**
 * Answers typed back to a reminder the bot just pushed, for chats without buttons (WeCom app messages, the
 * group webhook, WeChat): `完成` / `done`, `推迟1小时` / `晚点再提醒` / `明天再提醒` / `snooze 2h`.
 */
const DONE = /^(?:已?完成了?|搞定了?|办完了|做完了|已办|done|did it|finished|completed)[。.!！]?$/i
const SNOOZE_ZH =
  /^(?:推迟|延后|晚|过)\s*([\d一二两三四五六七八九十半]+)\s*个?\s*(小时|钟头|分钟|天)(?:再提醒(?:我)?)?[。.!！]?$|^(?:晚点|稍后|等会儿?)再?提醒(?:我)?[。.!！]?$|^(明天|明早)再提醒(?:我)?[。.!！]?$/
const SNOOZE_EN =
  /^snooze(?:\s+(?:for\s+)?(\d+)\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?))?(?:\s+(tomorrow))?[.!]?$/i

/** How long ago a push may have been for a typed answer to mean it. */
const ANSWER_WINDOW_MS = 12 * 60 * 60 * 1000

type ReminderAnswer = { done: true } | { snooze: SnoozeFor }

export function readReminderAnswer(text: string): ReminderAnswer | null {
  if (DONE.test(text)) return { done: true }
  const zh = SNOOZE_ZH.exec(text)
  if (zh) {
    if (zh[3]) return { snooze: { until: 'tomorrow' } }
    if (!zh[1]) return { snooze: { minutes: 60 } }
    const n = zh[1] === '半' ? 0.5 : parseNumber(zh[1])
    const unit = zh[2] === '分钟' ? 1 : zh[2] === '天' ? 24 * 60 : 60
    return Number.isFinite(n) && n > 0 ? { snooze: { minutes: Math.round(n * unit) } } : null
  }
  const en = SNOOZE_EN.exec(text)
  if (en) {
    if (en[3]) return { snooze: { until: 'tomorrow' } }
    const n = en[1] ? Number(en[1]) : 1
    const unit = /^m/i.test(en[2] ?? 'h') ? 1 : /^d/i.test(en[2] ?? 'h') ? 24 * 60 : 60
    return { snooze: { minutes: n * unit } }
  }
  return null
}

/** The reminder the bot last pushed to this user in this chat, still waiting for an answer. */
async function lastPushedReminder(
  crm: CrmContext,
  actor: Actor,
  where: { platform: string; chatId: string },
) {
  const [row] = await crm.db
    .select({ id: reminders.id })
    .from(reminders)
    .where(
      and(
        eq(reminders.ownerUserId, actor.userId),
        eq(reminders.platform, where.platform),
        eq(reminders.chatId, where.chatId),
        eq(reminders.status, 'sent'),
        gte(reminders.sentAt, new Date(crm.now().getTime() - ANSWER_WINDOW_MS)),
      ),
    )
    .orderBy(desc(reminders.sentAt))
    .limit(1)
  return row
}

/** Applies a typed answer to the last pushed reminder; null when there is none to answer (so it is read as usual). */
export async function answerReminder(
  crm: CrmContext,
  actor: Actor,
  where: { platform: string; chatId: string },
  answer: ReminderAnswer,
  lang: Lang,
): Promise<Reply | null> {
  const reminder = await lastPushedReminder(crm, actor, where)
  if (!reminder) return null
  return 'done' in answer
    ? markReminderDone(crm, actor, reminder.id, lang)
    : snoozeReminderFor(crm, actor, reminder.id, answer.snooze, lang)
}
