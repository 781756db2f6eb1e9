import { and, eq } from 'drizzle-orm'
import type { OwnerTotals, PipelineSummaryData } from '../chat/reply-data.ts'
import { DEAL_STAGES, deals } from '../db/schema.ts'
import type { Period } from '../understand/parsed-message.ts'
import { visibleOwnerIds } from './access.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { ownedBy } from './paging.ts'
import { periodLabel, periodRange } from './periods.ts'
import { type CurrencyFigures, pipelineFigures } from './pipeline-figures.ts'
import { pipelineGroups } from './pipeline-groups.ts'
import { userNames } from './summaries.ts'

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
 * come from one computation (`pipelineFigures`) over sums SQLite makes (`pipelineGroups`); every other
 * currency is one `other_currencies` line.
 */
export async function pipelineSummary(
  ctx: CrmContext,
  actor: Actor,
  period: Period = 'this_month',
  options: PipelineOptions = {},
): Promise<PipelineSummary> {
  const range = periodRange(period, ctx.now(), actor.timeZone)
  const owners = await visibleOwnerIds(ctx, actor)
  // The permission filter is part of the SQL: deals outside it are never read, let alone summed.
  const scope = and(
    eq(deals.workspaceId, actor.workspaceId),
    ownedBy(deals.ownerUserId, owners),
    options.owner ? eq(deals.ownerUserId, options.owner.id) : undefined,
  )
  const groups = await pipelineGroups(ctx, scope, range)
  const names = await userNames(
    ctx,
    groups.map((g) => g.ownerUserId),
  )
  const [main, ...others] = pipelineFigures(groups, names)
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
