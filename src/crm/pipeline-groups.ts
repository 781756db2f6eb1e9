import { and, count, countDistinct, eq, gte, inArray, lt, min, or, type SQL, sql } from 'drizzle-orm'
import { type DealStage, dealStageHistory, deals } from '../db/schema.ts'
import type { CrmContext } from './crm-context.ts'
import { CLOSED_STAGES } from './deals.ts'
import type { PeriodRange } from './periods.ts'

export const OPEN_STAGES: DealStage[] = ['lead', 'qualified', 'proposal', 'negotiation']

/** The deals of one stage, currency and owner that a pipeline counts, summed in minor units. */
export interface PipelineGroup {
  stage: DealStage
  ownerUserId: string | null
  currency: string
  count: number
  amountMinor: number
  /** Σ round(amount × probability / 100) per deal, halves up. */
  weightedMinor: number
  /** The group's earliest deal (ids sort by creation): ties in the tables keep creation order. */
  firstId: string
}

export interface PipelineGroups {
  groups: PipelineGroup[]
  /** By currency: counted deals whose stage changed within the period. */
  moved: Map<string, number>
}

// Math.round(amount × probability / 100) for every deal, in integers: floor((n + 50) / 100), where SQLite's
// `/` truncates toward zero, so the remainder is made non-negative first.
const rounded = sql`(${deals.amountMinor} * ${deals.probability} + 50)`
const weightedMinor = sql<number>`sum((${rounded} - (${rounded} % 100 + 100) % 100) / 100)`

/**
 * The pipeline's sums done by SQLite: open deals as they stand now and deals won or lost within the
 * period, grouped by stage, owner and currency, within `scope` (the caller's permission filter on
 * `deals`). Open deals are one range of `deals_workspace_stage`, closed ones one of
 * `deals_workspace_closed_at`, both covering; only the groups (stages × owners × currencies) reach JS.
 */
export async function pipelineGroups(
  ctx: CrmContext,
  scope: SQL | undefined,
  range: PeriodRange,
): Promise<PipelineGroups> {
  const closedInPeriod = and(
    inArray(deals.stage, CLOSED_STAGES),
    gte(deals.closedAt, range.start),
    lt(deals.closedAt, range.end),
  )
  const grouped = (where: SQL | undefined) =>
    ctx.db
      .select({
        stage: deals.stage,
        ownerUserId: deals.ownerUserId,
        currency: deals.currency,
        count: count(),
        amountMinor: sql<number>`sum(${deals.amountMinor})`,
        weightedMinor,
        firstId: min(deals.id),
      })
      .from(deals)
      .where(and(scope, where))
      .groupBy(deals.stage, deals.ownerUserId, deals.currency)
  const [open, closed, moves] = await Promise.all([
    grouped(inArray(deals.stage, OPEN_STAGES)),
    grouped(closedInPeriod),
    ctx.db
      .select({ currency: deals.currency, n: countDistinct(deals.id) })
      .from(dealStageHistory)
      .innerJoin(deals, eq(deals.id, dealStageHistory.dealId))
      .where(
        and(
          gte(dealStageHistory.changedAt, range.start),
          lt(dealStageHistory.changedAt, range.end),
          scope,
          or(inArray(deals.stage, OPEN_STAGES), closedInPeriod),
        ),
      )
      .groupBy(deals.currency),
  ])
  return {
    groups: [...open, ...closed].map((g) => ({
      ...g,
      amountMinor: Number(g.amountMinor),
      weightedMinor: Number(g.weightedMinor),
      firstId: g.firstId ?? '',
    })),
    moved: new Map(moves.map((m) => [m.currency, m.n])),
  }
}
