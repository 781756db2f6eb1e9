import { responsibleOwnerIds } from '../../crm/access.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { getCustomer } from '../../crm/customers.ts'
import { getDeal, updateDeal } from '../../crm/deals.ts'
import { formatLocalTime } from '../../crm/local-time.ts'
import { snoozeNudge } from '../../jobs/owner-nudges.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

const reply = (text: string, data: Record<string, unknown>): Reply => ({ text, intent: 'action', data })

/** "Log a note" under a nudge: the note itself is the next message, read like any other. */
export async function promptNudgeNote(crm: CrmContext, actor: Actor, customerId: string, lang: Lang) {
  const customer = await getCustomer(crm, actor, customerId)
  return reply(
    t(
      lang,
      `请直接发一句跟进,例如「今天给${customer.name}打了电话,对方下周给答复」。`,
      `Just send the note, e.g. "called ${customer.name} today, they'll answer next week".`,
    ),
    { customerId },
  )
}

export async function snoozeNudgeNow(crm: CrmContext, actor: Actor, key: string, lang: Lang) {
  const [kind, id] = key.split(':')
  if (!id || (kind !== 'deal' && kind !== 'customer'))
    throw new CrmError('invalid', `nudge key "${key}" should be deal:<id> or customer:<id>`)
  // The record must be one the presser answers for: a key is no way around permissions, and in a `team`
  // workspace seeing a colleague's deal is no reason to silence their nudge.
  const record = kind === 'deal' ? await getDeal(crm, actor, id) : await getCustomer(crm, actor, id)
  const owners = await responsibleOwnerIds(crm, actor)
  if (owners && !(record.ownerUserId && owners.includes(record.ownerUserId)))
    throw new CrmError('forbidden', `${kind} "${id}" is not one you answer for`)
  const until = await snoozeNudge(crm, actor.workspaceId, actor.userId, key)
  const when = formatLocalTime(until, actor.timeZone, lang === 'zh' ? 'zh-CN' : 'en-US')
  return reply(t(lang, `😴 好的,${when} 之前不再提醒`, `😴 OK, not again before ${when}`), { key })
}

export async function markNudgedDealLost(crm: CrmContext, actor: Actor, dealId: string, lang: Lang) {
  const deal = await updateDeal(crm, actor, dealId, { stage: 'lost' })
  return reply(t(lang, `已将「${deal.title}」标为输单`, `Marked ${deal.title} as lost`), {
    dealId,
    stage: deal.stage,
  })
}
