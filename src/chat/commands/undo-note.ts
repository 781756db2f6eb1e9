import { and, eq, ne } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { deleteInteraction } from '../../crm/interactions.ts'
import { customers, deals, interactions } from '../../db/schema.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'
import { lastNoteInChat } from './correct-note.ts'

/** `撤销`, `撤回`, `undo`: where a platform has no buttons (WeCom markdown, the webhook), Undo is typed. */
export const UNDO_COMMAND =
  /^(?:撤销|撤回|撤消|取消|删掉|删除)(?:一下)?(?:上一条|刚才|刚刚)?(?:那条|的|这条)?(?:记录|跟进)?[。.!！]?$|^undo(?: (?:that|the last note|last))?[.!]?$/i

/**
 * Removes a note and, when that note created its customer (and the customer has nothing else yet),
 * archives the customer too: nothing in a CRM is hard-deleted.
 */
export async function undoNote(
  crm: CrmContext,
  actor: Actor,
  target: { noteId: string; createdCustomerId?: string },
  lang: Lang,
): Promise<Reply> {
  const noteId = target.noteId
  const removed = await deleteInteraction(crm, actor, noteId)
  const createdCustomerId =
    target.createdCustomerId ?? (removed.extracted.createdCustomer === true ? removed.customerId : null)
  if (createdCustomerId && !(await hasOtherRecords(crm, createdCustomerId, noteId))) {
    await crm.db
      .update(customers)
      .set({ status: 'archived', liveNameKey: null, updatedAt: crm.now() })
      .where(eq(customers.id, createdCustomerId))
    return {
      text: t(
        lang,
        `↩️ 已撤销记录,新建的客户已归档:${quote(removed.rawText)}`,
        `↩️ Note removed and the new customer archived: ${quote(removed.rawText)}`,
      ),
      intent: 'action',
      data: { interactionId: removed.id, customerId: createdCustomerId },
    }
  }
  return {
    text: t(
      lang,
      `↩️ 已撤销这条跟进记录:${quote(removed.rawText)}`,
      `↩️ Note removed: ${quote(removed.rawText)}`,
    ),
    intent: 'action',
    data: { interactionId: removed.id },
  }
}

/** Whether anything but this note hangs on the customer: then it stays, even if the note brought it in. */
async function hasOtherRecords(crm: CrmContext, customerId: string, noteId: string): Promise<boolean> {
  const [note] = await crm.db
    .select({ id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.customerId, customerId), ne(interactions.id, noteId)))
    .limit(1)
  if (note) return true
  const [deal] = await crm.db
    .select({ id: deals.id })
    .from(deals)
    .where(eq(deals.customerId, customerId))
    .limit(1)
  return deal !== undefined
}

// Typed undo names what it removed, since the user cannot see which message it applied to.
const quote = (text: string) => `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`

/** Undo typed as a line: the user's latest note in this chat. */
export async function undoLastNote(
  crm: CrmContext,
  actor: Actor,
  where: { platform: string; chatId: string },
  lang: Lang,
): Promise<Reply> {
  const note = await lastNoteInChat(crm, actor, where.platform, where.chatId)
  if (!note) {
    return {
      text: t(lang, '这里没有你最近的跟进记录可撤销。', 'There is no recent note of yours here to undo.'),
      intent: 'action',
      data: null,
    }
  }
  return undoNote(crm, actor, { noteId: note.id }, lang)
}
