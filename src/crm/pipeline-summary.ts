import { and, eq, gte, lt } from 'drizzle-orm'
import type { OwnerTotals, PipelineSummaryData } from '../chat/reply-data.ts'
import { DEAL_STAGES, dealStageHistory, deals, users } from '../db/schema.ts'
import type { Period } from '../understand/parsed-message.ts'
import { visibleOwnerIds } from './access.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { ownedBy } from './paging.ts'
import { periodLabel, periodRange } from './periods.ts'
import { type CurrencyFigures, pipelineFigures } from './pipeline-figures.ts'

/** What `pipelineSummary` returns: the reply data with every field set. */
export type PipelineSummary = Omit<Required<PipelineSummaryData>, 'owners' | 'other_currencies'> & {
  owners: Required<OwnerTotals>[]
  other_currencies: NonNullable<PipelineSummaryData['other_currencies']>
}

export interface PipelineOptions {
  /** Only this owner's deals (`张伟的管道`); their display name goes in `ownerName`. */
  owner?: { id: string; name: string } | undefined
}

/**
 * The pipeline the actor can see: open deals as they stand now, and deals moved, won or lost within the
 * period. The headline (`total`, `won`, `lost`), `stages` and `owners` are in the most common currency and
 * come from one computation (`pipelineFigures`); every other currency is one `other_currencies` line.
 */
export async function pipelineSummary(
  ctx: CrmContext,
  actor: Actor,
  period: Period = 'this_month',
  options: PipelineOptions = {},
): Promise<PipelineSummary> {
  const range = periodRange(period, ctx.now(), actor.timeZone)
  const owners = await visibleOwnerIds(ctx, actor)
  const where = and(
    eq(deals.workspaceId, actor.workspaceId),
    ownedBy(deals.ownerUserId, owners),
    options.owner ? eq(deals.ownerUserId, options.owner.id) : undefined,
  )
  const [rows, moves] = await Promise.all([
    ctx.db
      .select({ deal: deals, ownerName: users.displayName })
      .from(deals)
      .leftJoin(users, eq(users.id, deals.ownerUserId))
      .where(where),
    ctx.db
      .select({ dealId: dealStageHistory.dealId })
      .from(dealStageHistory)
      .innerJoin(deals, eq(deals.id, dealStageHistory.dealId))
      .where(
        and(where, gte(dealStageHistory.changedAt, range.start), lt(dealStageHistory.changedAt, range.end)),
      ),
  ])
  const moved = new Set(moves.map((m) => m.dealId))
  const [main, ...others] = pipelineFigures(
    rows.map(({ deal, ownerName }) => ({ ...deal, ownerName, movedInPeriod: moved.has(deal.id) })),
    range,
  )
  const figures = main ?? emptyFigures('CNY')
  return {
    period,
    periodLabel: periodLabel(period, actor.locale),
    ownerName: options.owner?.name ?? null,
    currency: figures.currency,
    stages: figures.stages,
    owners: figures.owners,
    total: figures.open,
    won: figures.won,
    lost: figures.lost,
    moved: figures.moved,
    other_currencies: others.map((o) => ({
      currency: o.currency,
      count: o.open.count + o.won.count + o.lost.count,
      amount: o.open.amount,
      open: o.open,
      won: o.won,
      lost: o.lost,
    })),
  }
}

function emptyFigures(currency: string): CurrencyFigures {
  const zero = { count: 0, amount: 0, weighted_amount: 0 }
  return {
    currency,
    open: zero,
    won: zero,
    lost: zero,
    moved: 0,
    stages: DEAL_STAGES.map((stage) => ({ stage, ...zero })),
    owners: [],
  }
}
