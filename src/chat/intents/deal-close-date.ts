import { canAccess, visibleOwnerIds } from '../../crm/access.ts'
import { type DealRow, latestOpenDeal, updateDeal } from '../../crm/deals.ts'
import { type IntentContext, type Lang, t } from './intent-context.ts'

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}

/** `预计成交 2026-12-31(周四)` / `close Thu 2026-12-31`: a close date with its weekday, as deals keep it. */
export function closeDateLabel(date: string, lang: Lang): string {
  const weekday = WEEKDAYS[lang][new Date(`${date}T00:00:00Z`).getUTCDay()]
  return t(lang, `预计成交 ${date}(${weekday})`, `close ${weekday} ${date}`)
}

/** The question before setting a close date already gone (`close date 11/10` said on the 18th). */
export function pastCloseQuestion(date: string, lang: Lang): string {
  return t(
    lang,
    `${closeDateLabel(date, lang)} 已经过去了,仍然这样设吗?`,
    `That ${closeDateLabel(date, lang)} is already past. Set it anyway?`,
  )
}

/**
 * A note that says when the deal will close (`王经理说月底前应该能签`) moves the customer's open deal's
 * expected close, when there is one the writer may change; a date already gone is left for them to set.
 */
export async function closeDateFromNote(context: IntentContext, customerId: string): Promise<DealRow | null> {
  const { crm, actor, parsed } = context
  if (!parsed.expected_close || parsed.expected_close_unsure) return null
  const open = await latestOpenDeal(crm, customerId)
  if (!open || !canAccess(actor, await visibleOwnerIds(crm, actor), open)) return null
  if (open.expectedClose === parsed.expected_close) return open
  return updateDeal(crm, actor, open.id, { expectedClose: parsed.expected_close })
}
