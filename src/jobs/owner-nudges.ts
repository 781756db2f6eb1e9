import { and, eq, inArray, notInArray } from 'drizzle-orm'
import type { ReplyAction } from '../chat/chat-message.ts'
import { type Lang, t } from '../chat/intents/intent-context.ts'
import type { NudgeItem } from '../chat/reply-data.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { CLOSED_STAGES } from '../crm/deals.ts'
import { lastTouchByCustomer } from '../crm/last-touch.ts'
import type { WorkspaceRules } from '../crm/workspace-settings.ts'
import { customers, deals, nudgeLog } from '../db/schema.ts'

const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS
/** Items with buttons in one message; the rest are listed as text, so a long list stays readable. */
const WITH_BUTTONS = 5

export type Nudge = NudgeItem

/** The owner's nudges for today, without those sent in the last week or snoozed. */
export async function dueNudges(
  crm: CrmContext,
  { workspaceId, ownerUserId }: { workspaceId: string; ownerUserId: string },
  rules: WorkspaceRules['nudges'],
  today: string,
): Promise<Nudge[]> {
  const now = crm.now().getTime()
  const lastTouch = lastTouchByCustomer(crm.db, 'nudge_touch', workspaceId)
  const owned = await crm.db
    .select({ customer: customers, touchedAt: lastTouch.at })
    .from(customers)
    .leftJoin(lastTouch, eq(lastTouch.customerId, customers.id))
    .where(
      and(
        eq(customers.ownerUserId, ownerUserId),
        eq(customers.status, 'active'),
        eq(customers.inPool, false),
      ),
    )
  const touched = new Map(
    owned.map((r) => [r.customer.id, Math.max(Number(r.touchedAt ?? 0), r.customer.createdAt.getTime())]),
  )
  const names = new Map(owned.map((r) => [r.customer.id, r.customer.name]))
  const openDeals = await crm.db
    .select()
    .from(deals)
    .where(and(eq(deals.ownerUserId, ownerUserId), notInArray(deals.stage, CLOSED_STAGES)))
  const days = (since: number) => Math.floor((now - since) / DAY_MS)
  const found: Nudge[] = []
  for (const deal of openDeals) {
    const since = Math.max(touched.get(deal.customerId) ?? 0, deal.createdAt.getTime())
    const base = {
      key: `deal:${deal.id}`,
      customerId: deal.customerId,
      customerName: names.get(deal.customerId) ?? '',
      dealId: deal.id,
      dealTitle: deal.title,
    }
    if (deal.expectedClose && deal.expectedClose < today) {
      const overdue = days(Date.parse(`${deal.expectedClose}T00:00:00Z`))
      found.push({ ...base, kind: 'overdue_deal', days: overdue })
    } else if (now - since >= rules.dealDays * DAY_MS) {
      found.push({ ...base, kind: 'stale_deal', days: days(since) })
    }
  }
  for (const [customerId, since] of touched) {
    if (now - since >= rules.customerDays * DAY_MS)
      found.push({
        key: `customer:${customerId}`,
        kind: 'sleeping_customer',
        customerId,
        customerName: names.get(customerId) ?? '',
        dealId: null,
        dealTitle: null,
        days: days(since),
      })
  }
  if (found.length === 0) return []
  const log = await crm.db
    .select()
    .from(nudgeLog)
    .where(
      inArray(
        nudgeLog.key,
        found.map((n) => n.key),
      ),
    )
  const quietUntil = new Map(
    log.map((l) => [
      l.key,
      Math.max((l.lastSentAt?.getTime() ?? 0) + WEEK_MS, l.snoozedUntil?.getTime() ?? 0),
    ]),
  )
  return found.filter((n) => (quietUntil.get(n.key) ?? 0) <= now).sort((a, b) => b.days - a.days)
}

/** The writes that mark the nudges as sent now (none is raised again within a week), for the digest's batch. */
export function recordNudgedStatements(
  crm: CrmContext,
  workspaceId: string,
  ownerUserId: string,
  nudges: Nudge[],
) {
  const now = crm.now()
  return nudges.map((n) =>
    crm.db
      .insert(nudgeLog)
      .values({ key: n.key, workspaceId, ownerUserId, lastSentAt: now, snoozedUntil: null })
      .onConflictDoUpdate({ target: nudgeLog.key, set: { lastSentAt: now, snoozedUntil: null } }),
  )
}

/** Snoozes a nudge for a week: it is not raised again before then, whatever happens to the record. */
export async function snoozeNudge(crm: CrmContext, workspaceId: string, ownerUserId: string, key: string) {
  const until = new Date(crm.now().getTime() + WEEK_MS)
  await crm.db
    .insert(nudgeLog)
    .values({ key, workspaceId, ownerUserId, lastSentAt: null, snoozedUntil: until })
    .onConflictDoUpdate({ target: nudgeLog.key, set: { snoozedUntil: until } })
  return until
}

function nudgeLine(n: Nudge, lang: Lang): string {
  const what = n.dealTitle ? `${n.customerName} · ${n.dealTitle}` : n.customerName
  switch (n.kind) {
    case 'stale_deal':
      return t(
        lang,
        `💤 商机「${what}」已 ${n.days} 天没有跟进`,
        `💤 ${what}: no activity for ${n.days} days`,
      )
    case 'overdue_deal':
      return t(
        lang,
        `⏳ 商机「${what}」已过预计成交日 ${n.days} 天`,
        `⏳ ${what}: ${n.days} days past its expected close`,
      )
    case 'sleeping_customer':
      return t(lang, `🛌 沉睡客户「${what}」已 ${n.days} 天没有联系`, `🛌 ${what}: silent for ${n.days} days`)
  }
}

/** The digest's section for an owner's nudges: a line each, and buttons for the first few. */
export function nudgeSection(nudges: Nudge[], lang: Lang): { lines: string[]; actions: ReplyAction[] } {
  const actions: ReplyAction[] = nudges.slice(0, WITH_BUTTONS).flatMap((n): ReplyAction[] => [
    {
      action: 'nudge_log_note',
      label: t(lang, `记一笔 ${n.customerName}`, `Log note: ${n.customerName}`).slice(0, 30),
      value: { customerId: n.customerId },
    },
    { action: 'nudge_snooze', label: t(lang, '下周再提醒', 'Snooze a week'), value: { key: n.key } },
    ...(n.dealId
      ? [
          {
            action: 'nudge_mark_lost' as const,
            label: t(lang, '标为输单', 'Mark lost'),
            value: { id: n.dealId },
            style: 'danger' as const,
          },
        ]
      : []),
  ])
  const lines = nudges.length
    ? [t(lang, '👉 需要你跟进:', '👉 Needs your attention:'), ...nudges.map((n) => `- ${nudgeLine(n, lang)}`)]
    : []
  return { lines, actions }
}
