import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { matchCustomer } from '../../crm/customers.ts'
import { formatLocalTime } from '../../crm/local-time.ts'
import { userNames } from '../../crm/summaries.ts'
import { auditLog, contacts, deals, interactions } from '../../db/schema.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `华为的修改记录`, `华为 修改历史`, `history of Acme`. */
export const AUDIT_TRAIL_COMMAND =
  /^(?:(.+?)\s*的?(?:修改记录|修改历史|变更记录|操作记录)|(?:audit|change history|history) (?:of|for) (.+?))[。.!！?？]?$/i

const SHOWN = 15

/**
 * The audit trail of a customer and what hangs on it (contacts, deals, notes), newest first. Managers
 * and admins only, and only for customers they may see: a rep sees their records, not who changed them.
 */
export async function handleAuditTrailCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply | null> {
  const m = AUDIT_TRAIL_COMMAND.exec(text)
  const name = (m?.[1] ?? m?.[2] ?? '').trim()
  const match = await matchCustomer(crm, actor, name)
  // Not a customer's name (`客户要求看修改记录` is a note): the message goes on to the parser.
  if (match.kind === 'not_found') return null
  if (actor.role === 'rep')
    return {
      text: t(
        lang,
        '⚠️ 只有经理和管理员可以查看修改记录。',
        '⚠️ Only managers and admins can see the change history.',
      ),
      intent: 'error',
      data: null,
    }
  if (match.kind !== 'found')
    return {
      text: t(lang, `⚠️ 没有找到唯一的客户「${name}」。`, `⚠️ No single customer called "${name}".`),
      intent: 'error',
      data: null,
    }
  const customer = match.customer
  const ids = async (table: typeof contacts | typeof deals | typeof interactions) =>
    (await crm.db.select({ id: table.id }).from(table).where(eq(table.customerId, customer.id))).map(
      (r) => r.id,
    )
  const entityIds = [
    customer.id,
    ...(await ids(contacts)),
    ...(await ids(deals)),
    ...(await ids(interactions)),
  ]
  const rows = await crm.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.workspaceId, actor.workspaceId), inArray(auditLog.entityId, entityIds.slice(0, 900))),
    )
    .orderBy(desc(auditLog.id))
    .limit(SHOWN)
  const names = await userNames(
    crm,
    rows.map((r) => r.actorUserId),
  )
  const lines = rows.map(
    (r) =>
      `${formatLocalTime(r.at, actor.timeZone, actor.locale)} ${r.actorUserId ? (names.get(r.actorUserId) ?? '?') : t(lang, '系统', 'system')} ${r.action} ${r.entityType}`,
  )
  return {
    text: `${t(lang, `「${customer.name}」的修改记录:`, `Change history of ${customer.name}:`)}\n${lines.join('\n') || t(lang, '(无)', '(none)')}`,
    intent: 'action',
    data: {
      customerId: customer.id,
      entries: rows.map((r) => ({
        id: r.id,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        at: r.at.toISOString(),
        actorUserId: r.actorUserId,
      })),
    },
  }
}
