import { and, count, desc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm'
import { customers, deals } from '../../db/schema.ts'
import type { DealStage } from '../../understand/parsed-message.ts'
import type { CrmContext } from '../crm-context.ts'
import { CLOSED_STAGES } from '../deals.ts'
import { zonedParts } from '../local-time.ts'
import { fromMinorUnits } from '../money.ts'
import { ownedBy } from '../paging.ts'
import type { PeriodRange } from '../periods.ts'
import { dealSummary, userNames } from '../summaries.ts'
import type { CurrencyAmount, ForecastMonth, ReportDeal, ReportResult } from './report-data.ts'

const LISTED = 20

/** Where a report's deals come from: one workspace, the owners in scope. */
export interface DealScope {
  workspaceId: string
  owners: string[] | null
}

const inScope = (s: DealScope) =>
  and(eq(deals.workspaceId, s.workspaceId), ownedBy(deals.ownerUserId, s.owners))

async function summaries(ctx: CrmContext, rows: { deal: typeof deals.$inferSelect; customer: string }[]) {
  const names = await userNames(
    ctx,
    rows.map((r) => r.deal.ownerUserId),
  )
  return rows.map(
    (r): ReportDeal => ({ ...dealSummary(r.deal, r.customer, names), customerId: r.deal.customerId }),
  )
}

function selectDeals(ctx: CrmContext) {
  return ctx.db
    .select({ deal: deals, customer: customers.name })
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
}

/** `YYYY-MM-DD` of an instant in the zone: expected close dates are local calendar days. */
function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** Open deals expected to close within the period, soonest first. */
export async function closingDeals(
  ctx: CrmContext,
  scope: DealScope,
  range: PeriodRange,
  timeZone: string,
  periodLabel: string,
): Promise<Extract<ReportResult, { metric: 'closing_deals' }>> {
  const rows = await selectDeals(ctx)
    .where(
      and(
        inScope(scope),
        notInArray(deals.stage, CLOSED_STAGES),
        gte(deals.expectedClose, localDay(range.start, timeZone)),
        lt(deals.expectedClose, localDay(range.end, timeZone)),
      ),
    )
    .orderBy(deals.expectedClose, desc(deals.amountMinor))
    .limit(LISTED)
  return { metric: 'closing_deals', periodLabel, deals: await summaries(ctx, rows) }
}

/** Deals in one stage (all open ones when none is named), largest first. */
export async function dealsByStage(
  ctx: CrmContext,
  scope: DealScope,
  stage: DealStage | null,
): Promise<Extract<ReportResult, { metric: 'deals_by_stage' }>> {
  const where = and(inScope(scope), stage ? eq(deals.stage, stage) : notInArray(deals.stage, CLOSED_STAGES))
  const [rows, [total]] = await Promise.all([
    selectDeals(ctx).where(where).orderBy(desc(deals.amountMinor)).limit(LISTED),
    ctx.db.select({ n: count() }).from(deals).where(where),
  ])
  return { metric: 'deals_by_stage', stage, total: total?.n ?? 0, deals: await summaries(ctx, rows) }
}

/**
 * The largest open deals. Amounts in different currencies are not compared at a made-up rate: the list is
 * the top `limit` of each currency, the most used currency first.
 */
export async function topDeals(
  ctx: CrmContext,
  scope: DealScope,
  limit: number,
): Promise<Extract<ReportResult, { metric: 'top_deals' }>> {
  const open = and(inScope(scope), notInArray(deals.stage, CLOSED_STAGES))
  const currencies = await ctx.db
    .select({ currency: deals.currency, n: count() })
    .from(deals)
    .where(open)
    .groupBy(deals.currency)
    .orderBy(desc(count()))
  const lists = await Promise.all(
    currencies.map((c) =>
      selectDeals(ctx)
        .where(and(open, eq(deals.currency, c.currency)))
        .orderBy(desc(deals.amountMinor))
        .limit(limit),
    ),
  )
  return { metric: 'top_deals', limit, deals: await summaries(ctx, lists.flat()) }
}

/** Deals won and lost in the period, by currency, and the win rate by count. */
export async function winRate(
  ctx: CrmContext,
  scope: DealScope,
  range: PeriodRange,
  periodLabel: string,
): Promise<Extract<ReportResult, { metric: 'win_rate' }>> {
  const rows = await ctx.db
    .select({
      stage: deals.stage,
      currency: deals.currency,
      n: count(),
      minor: sql<number>`sum(${deals.amountMinor})`,
    })
    .from(deals)
    .where(
      and(
        inScope(scope),
        inArray(deals.stage, CLOSED_STAGES),
        gte(deals.closedAt, range.start),
        lt(deals.closedAt, range.end),
      ),
    )
    .groupBy(deals.stage, deals.currency)
    .orderBy(desc(count()))
  const amounts = (stage: DealStage): CurrencyAmount[] =>
    rows
      .filter((r) => r.stage === stage)
      .map((r) => ({ currency: r.currency, count: r.n, amount: fromMinorUnits(Number(r.minor), r.currency) }))
  const won = amounts('won')
  const lost = amounts('lost')
  const wonCount = won.reduce((n, a) => n + a.count, 0)
  const closed = wonCount + lost.reduce((n, a) => n + a.count, 0)
  return { metric: 'win_rate', periodLabel, won, lost, winRate: closed ? wonCount / closed : null }
}

/** Open deals by expected close month and currency: amount and probability-weighted amount. */
export async function forecastByMonth(
  ctx: CrmContext,
  scope: DealScope,
): Promise<Extract<ReportResult, { metric: 'forecast' }>> {
  const month = sql<string>`coalesce(substr(${deals.expectedClose}, 1, 7), 'none')`
  const rows = await ctx.db
    .select({
      month,
      currency: deals.currency,
      n: count(),
      minor: sql<number>`sum(${deals.amountMinor})`,
      weighted: sql<number>`sum(round(${deals.amountMinor} * ${deals.probability} / 100.0))`,
    })
    .from(deals)
    .where(and(inScope(scope), notInArray(deals.stage, CLOSED_STAGES)))
    .groupBy(month, deals.currency)
    .orderBy(month, desc(count()))
  return {
    metric: 'forecast',
    months: rows.map(
      (r): ForecastMonth => ({
        month: r.month,
        currency: r.currency,
        count: r.n,
        amount: fromMinorUnits(Number(r.minor), r.currency),
        weighted_amount: fromMinorUnits(Number(r.weighted), r.currency),
      }),
    ),
  }
}
