import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { mergeCustomers, undoMerge } from '../../crm/customer-merge.ts'
import { matchCustomer } from '../../crm/customers.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `合并 华为 华为技术有限公司`, `合并 华为 到 华为技术有限公司`, `merge Acme into Acme Inc`: the first goes into the second. */
export const MERGE_COMMAND =
  /^(?:合并(?:客户)?\s+(\S+)\s+(?:到\s*)?(\S+)|merge\s+(.+?)\s+into\s+(.+?))[。.!！]?$/i
/** `撤销合并 <id>`, `undo merge <id>`. */
export const UNDO_MERGE_COMMAND = /^(?:撤销合并|undo merge)\s+([0-9A-Z]{26})$/i

/** Merges one customer into another by their exact names; a name that fits several is refused, not guessed. */
export async function handleMergeCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const m = MERGE_COMMAND.exec(text)
  const [fromName, intoName] = [m?.[1] ?? m?.[3] ?? '', m?.[2] ?? m?.[4] ?? '']
  const from = await exactCustomer(crm, actor, fromName, lang)
  const into = await exactCustomer(crm, actor, intoName, lang)
  if (typeof from === 'string' || typeof into === 'string')
    return { text: `⚠️ ${typeof from === 'string' ? from : into}`, intent: 'error', data: null }
  const merge = await mergeCustomers(crm, actor, { survivorId: into.id, mergedId: from.id })
  const moved = merge.moved
  return {
    text: t(
      lang,
      `✅ 已把「${from.name}」并入「${into.name}」:联系人 ${moved.contacts.length}、商机 ${moved.deals.length}、跟进 ${moved.interactions.length}、提醒 ${moved.reminders.length}。「${from.name}」保留为别名。撤销请发送:撤销合并 ${merge.id}`,
      `✅ Merged ${from.name} into ${into.name}: ${moved.contacts.length} contacts, ${moved.deals.length} deals, ${moved.interactions.length} notes, ${moved.reminders.length} reminders. ${from.name} stays as an alias. To undo: undo merge ${merge.id}`,
    ),
    intent: 'action',
    data: { mergeId: merge.id, survivorId: into.id, mergedId: from.id },
  }
}

export async function handleUndoMergeCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const id = UNDO_MERGE_COMMAND.exec(text)?.[1] ?? ''
  const undone = await undoMerge(crm, actor, id.toUpperCase())
  return {
    text: t(
      lang,
      '↩️ 已撤销合并,两个客户和各自的记录已恢复。',
      '↩️ Merge undone: both customers and their records are back.',
    ),
    intent: 'action',
    data: { mergeId: undone.id },
  }
}

async function exactCustomer(crm: CrmContext, actor: Actor, name: string, lang: Lang) {
  const match = await matchCustomer(crm, actor, name)
  if (match.kind === 'found') return match.customer
  if (match.kind === 'ambiguous')
    return t(
      lang,
      `「${name}」不止一个可能:${match.options.map((o) => `「${o.name}」`).join('、')},请写全名。`,
      `"${name}" could be ${match.options.map((o) => o.name).join(', ')}; use the full name.`,
    )
  if (match.kind === 'forbidden')
    throw new CrmError('forbidden', `「${name}」 belongs to someone outside your team`)
  return t(lang, `没有找到客户「${name}」。`, `No customer called "${name}".`)
}
