import { and, desc, eq } from 'drizzle-orm'
import { upsertContact } from '../../crm/contacts.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { matchCustomer } from '../../crm/customers.ts'
import { getInteraction, updateInteraction } from '../../crm/interactions.ts'
import { createReminder, snoozeReminder } from '../../crm/reminders.ts'
import { inboundMessages, interactions } from '../../db/schema.ts'
import { parseMessage } from '../../understand/parse-message.ts'
import type { InteractionType, Sentiment } from '../../understand/parsed-message.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'
import { interactionLabel, sentimentLabel } from '../labels.ts'

/** `修改: 是拜访不是电话`, `改成 消极`, `edit: it was a meeting with Bob`: corrects the user's last note here. */
export const CORRECTION_COMMAND = /^(?:修改|更正|改成|改为|纠正|edit|correct(?:ion)?)\s*[:：,，]?\s*(.+)$/is
/** `不对,是拜访`, `that's wrong, I emailed them`: saying the last note is wrong, then how. */
export const CORRECTION_REMARK =
  /^(?:不对|不是的|错了|搞错了|记错了|(?:that'?s|that is|this is|it'?s) (?:wrong|not right|incorrect)|wrong)\s*[:：,，!！.。]\s*(.+)$/is
/** `didn't call`, `不是电话`, `没有拜访`: a word said only to deny it. */
const NEGATED =
  /\b(?:didn'?t|did not|not|never|wasn'?t|was not)\s+(?:an?\s+)?[a-z]+|(?:不是|没有|没|并非|并不是)[\u4e00-\u9fff]{1,2}/gi

// The words the confirmation line prints, which is what a user types back to correct it.
const TYPE_WORDS: [InteractionType, RegExp][] = [
  ['visit', /拜访|visit/i],
  ['meeting', /会议|开会|meeting/i],
  ['email', /邮件|email/i],
  ['message', /微信|消息|message|wechat/i],
  ['call', /电话|call/i],
]
const SENTIMENT_WORDS: [Sentiment, RegExp][] = [
  ['negative', /消极|负面|negative/i],
  ['positive', /积极|正面|positive/i],
  ['neutral', /中性|neutral/i],
]

/** The first label whose words the text names, reading `是拜访不是电话` as visit (what comes first wins). */
function labelIn<T>(text: string, words: [T, RegExp][]): T | null {
  let best: { label: T; at: number } | null = null
  for (const [label, re] of words) {
    const at = text.search(re)
    if (at >= 0 && (!best || at < best.at)) best = { label, at }
  }
  return best?.label ?? null
}

/** How long after a note a one-line correction still applies to it. */
const CORRECTION_WINDOW_MS = 24 * 60 * 60 * 1000

/** The user's latest note from this chat, if recent enough to be what a one-line correction means. */
export async function lastNoteInChat(crm: CrmContext, actor: Actor, platform: string, chatId: string) {
  const [row] = await crm.db
    .select({ note: interactions })
    .from(interactions)
    .innerJoin(
      inboundMessages,
      and(
        eq(inboundMessages.platform, interactions.sourcePlatform),
        eq(inboundMessages.platformMessageId, interactions.sourceMessageId),
      ),
    )
    .where(
      and(
        eq(interactions.authorUserId, actor.userId),
        eq(interactions.sourcePlatform, platform),
        eq(inboundMessages.chatId, chatId),
      ),
    )
    .orderBy(desc(interactions.createdAt))
    .limit(1)
  if (!row || crm.now().getTime() - row.note.createdAt.getTime() > CORRECTION_WINDOW_MS) return undefined
  return row.note
}

/**
 * Applies what a correction line says to a note: type, sentiment, contact, customer (only one the CRM
 * already knows; a correction never creates one) and the follow-up time. What it does not mention stays.
 */
export async function correctNote(
  crm: CrmContext,
  actor: Actor,
  target: { id: string; chatId: string },
  text: string,
  lang: Lang,
): Promise<Reply> {
  const { id } = target
  const note = await getInteraction(crm, actor, id)
  // The Edit button is the author's, like Undo: a teammate who can see the customer may not rewrite the note.
  if (note.authorUserId !== actor.userId && actor.role === 'rep')
    throw new CrmError('forbidden', 'only the author can edit a note')
  const fix = parseMessage(text, { now: crm.now(), timeZone: actor.timeZone })
  const changed: string[] = []
  let customerId = note.customerId
  if (fix.customer) {
    const match = await matchCustomer(crm, actor, fix.customer)
    if (match.kind === 'found' && match.customer.id !== note.customerId) {
      customerId = match.customer.id
      changed.push(match.customer.name)
    }
  }
  const contact = fix.contact
    ? (await upsertContact(crm, actor, { customerId, name: fix.contact })).contact
    : null
  if (contact) changed.push(contact.name)
  // `I didn't call Acme, I emailed them`: the denied word is not the correction.
  const affirmed = text.replace(NEGATED, ' ')
  const type = labelIn(affirmed, TYPE_WORDS) ?? fix.interaction_type
  if (type) changed.push(interactionLabel(type, lang))
  const sentiment =
    labelIn(affirmed, SENTIMENT_WORDS) ?? (fix.sentiment_score !== null ? fix.sentiment : null)
  if (sentiment) changed.push(sentimentLabel(sentiment, lang))
  const corrections = Array.isArray(note.extracted.corrections) ? note.extracted.corrections : []
  await updateInteraction(crm, actor, id, {
    customerId,
    ...(contact && { contactId: contact.id }),
    ...(type && { type }),
    ...(sentiment && { sentiment, sentimentScore: fix.sentiment_score }),
    extracted: { ...note.extracted, corrections: [...corrections, { text, at: crm.now().toISOString() }] },
  })
  if (fix.due_at) {
    const followUpId = note.extracted.followUpReminderId
    if (typeof followUpId === 'string') await snoozeReminder(crm, actor, followUpId, new Date(fix.due_at))
    else {
      const reminder = await createReminder(crm, actor, {
        text: t(lang, '跟进', 'Follow up'),
        dueAt: new Date(fix.due_at),
        platform: note.sourcePlatform,
        chatId: target.chatId,
        customerId,
      })
      await updateInteraction(crm, actor, id, {
        extracted: { ...note.extracted, followUpReminderId: reminder.id },
      })
    }
    changed.push(t(lang, '跟进时间', 'follow-up time'))
  }
  const what = changed.length ? changed.join(' · ') : t(lang, '备注', 'note')
  return {
    text: t(lang, `✏️ 已修改:${what}`, `✏️ Corrected: ${what}`),
    intent: 'action',
    data: { interactionId: id },
  }
}
