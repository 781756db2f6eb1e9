import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { createReminder } from '../../crm/reminders.ts'
import { actorFromUser } from '../../crm/users.ts'
import { customers, interactions, users, workspaces } from '../../db/schema.ts'
import { lastDirectChatOf } from '../../jobs/last-direct-chat.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

export type AskOwnerKind = 'notify' | 'access'

/**
 * Tells a customer's owner about a note a colleague logged on it (`notify`), or asks them to make the
 * colleague a 协作人 (`access`). The message goes out as a reminder due now in the owner's direct chat, so
 * it rides the scheduler's delivery and retries like any other push.
 */
export async function askOwner(
  crm: CrmContext,
  actor: Actor,
  input: { customerId: string; interactionId: string; kind: AskOwnerKind },
  lang: Lang,
): Promise<Reply> {
  const [customer] = await crm.db.select().from(customers).where(eq(customers.id, input.customerId))
  if (!customer || customer.workspaceId !== actor.workspaceId || !customer.ownerUserId)
    throw new CrmError('not_found', `no owned customer with id "${input.customerId}" in this workspace`)
  const [owner] = await crm.db.select().from(users).where(eq(users.id, customer.ownerUserId))
  const [workspace] = await crm.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId))
  const [note] = await crm.db.select().from(interactions).where(eq(interactions.id, input.interactionId))
  if (!owner || !workspace) throw new CrmError('not_found', `the owner of ${customer.name} is gone`)
  const chat = await lastDirectChatOf(crm, workspace.platform, workspace.externalId, owner.platformUserId)
  const who = actor.displayName
  const text =
    input.kind === 'access'
      ? t(
          lang,
          `${who} 申请成为「${customer.name}」的协作人。同意请回复:把${who}加为${customer.name}的协作人`,
          `${who} asks to collaborate on ${customer.name}. To agree, reply: add ${who} as collaborator on ${customer.name}`,
        )
      : t(
          lang,
          `${who} 在你的客户「${customer.name}」上记了一条跟进:${note?.rawText ?? ''}`,
          `${who} logged a note on your customer ${customer.name}: ${note?.rawText ?? ''}`,
        )
  // The reminder belongs to the owner (it is theirs to read and close); the audit row names them too.
  await createReminder(crm, actorFromUser(owner), {
    text,
    dueAt: crm.now(),
    platform: chat?.platform ?? workspace.platform,
    chatId: chat?.chatId ?? `dm:${owner.platformUserId}`,
    customerId: customer.id,
  })
  return {
    text: t(lang, `✅ 已通知 ${owner.displayName}。`, `✅ ${owner.displayName} has been told.`),
    intent: 'action',
    data: { ownerId: owner.id, kind: input.kind },
  }
}
