import { and, eq } from 'drizzle-orm'
import type { OwnerTotals, PipelineSummaryData, StageTotals } from '../chat/reply-data.ts'
import { DEAL_STAGES, deals, users } from '../db/schema.ts'
import type { Period } from '../understand/parsed-message.ts'
import { visibleOwnerIds } from './access.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CLOSED_STAGES } from './deals.ts'
import { fromMinorUnits } from './money.ts'
import { ownedBy } from './paging.ts'
import { periodLabel, periodRange } from './periods.ts'

/**
 * The pipeline the actor can see: every open deal as it stands now, and the deals won or lost within the
 * period. Sums are in the most common currency of those deals; deals in other currencies are left out of
 * the sums rather than added at a made-up rate, and `other_currencies` lists them.
 */
export async function pipelineSummary(
  ctx: CrmContext,
  actor: Actor,
  period: Period = 'this_month',
): Promise<
  PipelineSummaryData & { other_currencies: { currency: string; count: number; amount: number }[] }
> {
  const range = periodRange(period, ctx.now(), actor.timeZone)
  const owners = await visibleOwnerIds(ctx, actor)
  const rows = await ctx.db
    .select({ deal: deals, ownerName: users.displayName })
    .from(deals)
    .leftJoin(users, eq(users.id, deals.ownerUserId))
    .where(and(eq(deals.workspaceId, actor.workspaceId), ownedBy(deals.ownerUserId, owners)))
  const inScope = rows.filter(({ deal }) => {
    if (!CLOSED_STAGES.includes(deal.stage)) return deal.createdAt < range.end
    return deal.closedAt !== null && deal.closedAt >= range.start && deal.closedAt < range.end
  })
  const currency = mostCommon(inScope.map((r) => r.deal.currency)) ?? 'CNY'
  const counted = inScope.filter((r) => r.deal.currency === currency)
  const stages: StageTotals[] = DEAL_STAGES.map((stage) =>
    totals(
      counted.filter((r) => r.deal.stage === stage),
      { stage },
    ),
  )
  const byOwner = new Map<string | null, typeof counted>()
  for (const row of counted.filter((r) => !CLOSED_STAGES.includes(r.deal.stage) || r.deal.stage === 'won')) {
    byOwner.set(row.deal.ownerUserId, [...(byOwner.get(row.deal.ownerUserId) ?? []), row])
  }
  const ownerTotals: OwnerTotals[] = [...byOwner.entries()]
    .map(([ownerId, group]) => totals(group, { ownerId, owner: group[0]?.ownerName ?? '—' }))
    .sort((a, b) => b.weighted_amount - a.weighted_amount)
  const others = new Map<string, { currency: string; count: number; amount: number }>()
  for (const { deal } of inScope.filter((r) => r.deal.currency !== currency)) {
    const entry = others.get(deal.currency) ?? { currency: deal.currency, count: 0, amount: 0 }
    entry.count++
    entry.amount += fromMinorUnits(deal.amountMinor, deal.currency)
    others.set(deal.currency, entry)
  }
  const open = counted.filter((r) => !CLOSED_STAGES.includes(r.deal.stage))
  return {
    period,
    periodLabel: periodLabel(period, actor.locale),
    currency,
    stages,
    owners: ownerTotals,
    total: totals(open, {}),
    other_currencies: [...others.values()],
  }
}

function totals<T extends object>(
  rows: { deal: { amountMinor: number; currency: string; probability: number } }[],
  extra: T,
) {
  let amountMinor = 0
  let weightedMinor = 0
  for (const { deal } of rows) {
    amountMinor += deal.amountMinor
    weightedMinor += Math.round((deal.amountMinor * deal.probability) / 100)
  }
  const currency = rows[0]?.deal.currency ?? 'CNY'
  return {
    ...extra,
    count: rows.length,
    amount: fromMinorUnits(amountMinor, currency),
    weighted_amount: fromMinorUnits(weightedMinor, currency),
  }
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
