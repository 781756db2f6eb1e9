import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { listCustomers } from '../../crm/customers.ts'
import { listDeals } from '../../crm/deals.ts'
import { fromMinorUnits } from '../../crm/money.ts'
import { customerNames } from '../../crm/summaries.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'
import { moneyLabel, stageLabel } from '../labels.ts'
import type { ListData } from '../reply-data.ts'

/** `我的客户` / `my customers`, `我的商机` / `my deals` (`我的提醒` is the list_reminders intent). */
export const MY_LIST_COMMAND = /^(?:\/?crm\s+)?(?:我的(客户|商机|单子)|my\s+(customers|deals))\s*$/i

const LIMIT = 50

/** The actor's own customers or deals, newest first, as a list card. */
export async function handleMyList(crm: CrmContext, actor: Actor, text: string, lang: Lang): Promise<Reply> {
  const m = MY_LIST_COMMAND.exec(text.trim())
  const kind = m?.[1] === '客户' || m?.[2]?.toLowerCase() === 'customers' ? 'customers' : 'deals'
  const data: ListData =
    kind === 'customers' ? await myCustomers(crm, actor, lang) : await myDeals(crm, actor, lang)
  const lines = data.items.map((i) => `- ${i.title}${i.detail ? ` · ${i.detail}` : ''}`)
  return {
    text: [data.title, ...(lines.length ? lines : [data.empty])].join('\n'),
    intent: 'list',
    data: data as unknown as Record<string, unknown>,
  }
}

async function myCustomers(crm: CrmContext, actor: Actor, lang: Lang): Promise<ListData> {
  const page = await listCustomers(crm, actor, { limit: LIMIT, ownerUserId: actor.userId })
  return {
    kind: 'customers',
    title: t(lang, `👤 我的客户(${page.items.length})`, `👤 My customers (${page.items.length})`),
    empty: t(lang, '还没有客户:记一条跟进就会创建。', 'No customers yet: log a note to create one.'),
    items: page.items.map((c) => ({
      id: c.id,
      title: c.name,
      detail: c.industry ?? '',
      send: t(lang, `查一下${c.name}`, `look up ${c.name}`),
    })),
  }
}

async function myDeals(crm: CrmContext, actor: Actor, lang: Lang): Promise<ListData> {
  const mine = (await listDeals(crm, actor, { limit: LIMIT, ownerUserId: actor.userId })).items
  const names = await customerNames(
    crm,
    mine.map((d) => d.customerId),
  )
  return {
    kind: 'deals',
    title: t(lang, `💼 我的商机(${mine.length})`, `💼 My deals (${mine.length})`),
    empty: t(lang, '还没有商机。', 'No deals yet.'),
    items: mine.map((d) => ({
      id: d.id,
      title: d.title,
      detail: `${names.get(d.customerId) ?? ''} · ${stageLabel(d.stage, lang)} · ${moneyLabel(fromMinorUnits(d.amountMinor, d.currency), d.currency, lang)}`,
      send: t(lang, `查一下${names.get(d.customerId) ?? ''}`, `look up ${names.get(d.customerId) ?? ''}`),
    })),
  }
}
