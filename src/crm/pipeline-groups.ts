import { and, count, gte, inArray, lt, min, type SQL, sql } from 'drizzle-orm'
import { type DealStage, deals } from '../db/schema.ts'
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
  /** Σ Math.round(amount × probability / 100), deal by deal. */
  weightedMinor: number
  /** Deals whose stage changed within the period. */
  moved: number
  /** The group's earliest deal (ids sort by creation): ties in the tables keep creation order. */
  firstId: string
}

// Math.round(amount × probability / 100) for every deal, in integers (SQLite's `/` truncates toward zero):
// (n + 50) / 100 for n ≥ 0; for n < 0, Math.round takes halves up, toward zero: -((-n + 49) / 100).
const weightedMinor = sql<number>`sum(case when ${deals.amountMinor} >= 0
  then (${deals.amountMinor} * ${deals.probability} + 50) / 100
  else -((-${deals.amountMinor} * ${deals.probability} + 49) / 100) end)`

/**
 * How many of a group's deals changed stage within the period, one deal at a time: a last change
 * (`stage_changed_at`) inside the period says yes, one before it no; only a deal that changed again after
 * the period is looked up in its history. Columns are spelled out: drizzle leaves a select field's columns
 * unqualified, which the subquery would read as its own.
 */
const movedIn = ({ start, end }: PeriodRange) => sql<number>`sum(case
  when "deals"."stage_changed_at" >= ${start.getTime()} and "deals"."stage_changed_at" < ${end.getTime()} then 1
  when "deals"."stage_changed_at" >= ${end.getTime()} then exists (select 1 from "deal_stage_history" as "h"
    where "h"."deal_id" = "deals"."id" and "h"."changed_at" >= ${start.getTime()} and "h"."changed_at" < ${end.getTime()})
  else 0 end)`

/**
 * The pipeline's sums done by SQLite: open deals as they stand now and deals won or lost within the
 * period, grouped by stage, owner and currency, within `scope` (the caller's permission filter on
 * `deals`). Open deals are read from `deals_workspace_stage` in its order, closed ones from
 * `deals_workspace_closed_at` (or the former, for a few owners), both covering; only the groups
 * (stages × owners × currencies) reach JS.
 */
export async function pipelineGroups(
  ctx: CrmContext,
  scope: SQL | undefined,
  range: PeriodRange,
): Promise<PipelineGroup[]> {
  const grouped = (where: SQL | undefined) =>
    ctx.db
      .select({
        stage: deals.stage,
        ownerUserId: deals.ownerUserId,
        currency: deals.currency,
        count: count(),
        amountMinor: sql<number>`sum(${deals.amountMinor})`,
        weightedMinor,
        moved: movedIn(range),
        firstId: min(deals.id),
      })
      .from(deals)
      .where(and(scope, where))
      .groupBy(deals.stage, deals.ownerUserId, deals.currency)
  const [open, closed] = await Promise.all([
    grouped(inArray(deals.stage, OPEN_STAGES)),
    grouped(
      and(
        inArray(deals.stage, CLOSED_STAGES),
        gte(deals.closedAt, range.start),
        lt(deals.closedAt, range.end),
      ),
    ),
  ])
  return [...open, ...closed].map((g) => ({
    ...g,
    amountMinor: Number(g.amountMinor),
    weightedMinor: Number(g.weightedMinor),
    moved: Number(g.moved),
    firstId: g.firstId ?? '',
  }))
}
