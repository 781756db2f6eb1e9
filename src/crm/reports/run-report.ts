import type { Period, ReportMetric, ReportQuery } from '../../understand/parsed-message.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { periodLabel, periodRange } from '../periods.ts'
import { activityByOwner, customersWorked } from './activity-report.ts'
import { customerHistory, negativeCustomers, newCustomers, staleCustomers } from './customer-reports.ts'
import { closingDeals, dealsByStage, forecastByMonth, topDeals, winRate } from './deal-reports.ts'
import type { ReportData, ReportResult } from './report-data.ts'
import { type ReportScope, reportScope } from './report-scope.ts'

/** The period each kind reads when the question names none. */
const DEFAULT_PERIOD: Partial<Record<ReportMetric, Period>> = {
  activity: 'this_week',
  closing_deals: 'this_month',
  win_rate: 'this_quarter',
  new_customers: 'this_month',
}
/** `最近`: how far back negative notes count. */
const LATELY_DAYS = 30

interface Run {
  ctx: CrmContext
  actor: Actor
  query: ReportQuery
  scope: ReportScope
  customer: string | null
}

const RUNNERS: Record<ReportMetric, (run: Run) => Promise<ReportResult>> = {
  async activity({ ctx, actor, query, scope }) {
    const { range, label } = periodOf(ctx, actor, query)
    const rows = await activityByOwner(ctx, actor.workspaceId, scope.owners, range, query.channel)
    const customers = scope.owner
      ? await customersWorked(ctx, actor.workspaceId, scope.owner.id, range, query.channel)
      : []
    return { metric: 'activity', periodLabel: label, channel: query.channel, rows, customers }
  },
  stale_customers: ({ ctx, actor, query, scope }) =>
    staleCustomers(ctx, actor.workspaceId, scope.owners, query.stale_days ?? 14),
  closing_deals({ ctx, actor, query, scope }) {
    const { range, label } = periodOf(ctx, actor, query)
    return closingDeals(ctx, dealScope(actor, scope), range, actor.timeZone, label)
  },
  deals_by_stage: ({ ctx, actor, query, scope }) => dealsByStage(ctx, dealScope(actor, scope), query.stage),
  top_deals: ({ ctx, actor, query, scope }) => topDeals(ctx, dealScope(actor, scope), query.limit ?? 5),
  win_rate({ ctx, actor, query, scope }) {
    const { range, label } = periodOf(ctx, actor, query)
    return winRate(ctx, dealScope(actor, scope), range, label)
  },
  new_customers({ ctx, actor, query, scope }) {
    const { range, label } = periodOf(ctx, actor, query)
    return newCustomers(ctx, actor.workspaceId, scope.owners, range, label)
  },
  negative_customers: ({ ctx, actor, scope }) =>
    negativeCustomers(ctx, actor.workspaceId, scope.owners, LATELY_DAYS),
  customer_history: ({ ctx, actor, scope, customer }) => customerHistory(ctx, actor, scope.owners, customer),
  forecast: ({ ctx, actor, scope }) => forecastByMonth(ctx, dealScope(actor, scope)),
}

const dealScope = (actor: Actor, scope: ReportScope) => ({
  workspaceId: actor.workspaceId,
  owners: scope.owners,
})

function periodOf(ctx: CrmContext, actor: Actor, query: ReportQuery) {
  // `过去30天`, `Q1`: a period with no name of ours was read to its bounds, and is answered as written.
  if (!query.period && query.period_range) {
    const { start, end, text } = query.period_range
    return { range: { start: new Date(start), end: new Date(end) }, label: text }
  }
  const period = query.period ?? DEFAULT_PERIOD[query.metric] ?? 'this_month'
  return { range: periodRange(period, ctx.now(), actor.timeZone), label: periodLabel(period, actor.locale) }
}

/**
 * Answers a report question from the store, read-only, within what the actor may see in this kind of
 * chat. A rep named in the question who is not within reach gives an empty answer, never another's data.
 */
export async function runReport(
  ctx: CrmContext,
  actor: Actor,
  query: ReportQuery,
  options: { chatKind: 'direct' | 'group'; customer?: string | null },
): Promise<ReportData> {
  const scope = await reportScope(ctx, actor, options.chatKind, query.owner)
  const result = await RUNNERS[query.metric]({
    ctx,
    actor,
    query,
    scope,
    customer: options.customer ?? null,
  })
  return {
    ...result,
    owner: scope.owner?.name ?? null,
    ownerUnknown: scope.ownerUnknown,
    narrowed: scope.narrowed,
  }
}
