import { and, count, countDistinct, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import { customers, INTERACTION_TYPES, interactions } from '../../db/schema.ts'
import type { InteractionType } from '../../understand/parsed-message.ts'
import type { CrmContext } from '../crm-context.ts'
import { ownedBy } from '../paging.ts'
import type { PeriodRange } from '../periods.ts'
import { userNames } from '../summaries.ts'
import type { ActivityRow } from './report-data.ts'

/** Channels in the order a group by type returns them (text order), which is the order answers list them. */
const CHANNELS: InteractionType[] = [...INTERACTION_TYPES].sort()
/** One count per channel, summed in the same pass as the author's total. */
const PER_CHANNEL = Object.fromEntries(
  CHANNELS.map((type) => [type, sql<number>`sum(${interactions.type} = ${type})`.mapWith(Number)]),
) as Record<InteractionType, SQL<number>>

/** Interactions within the period, of one channel when one is asked for. */
const loggedIn = (range: PeriodRange, channel: InteractionType | null) =>
  and(
    gte(interactions.occurredAt, range.start),
    lt(interactions.occurredAt, range.end),
    channel ? eq(interactions.type, channel) : undefined,
  )

/**
 * Interactions logged in the period by each author in scope, by channel, most active first. One pass over
 * a covering index (`interactions_author_time`, or `interactions_workspace_time` for a whole workspace):
 * per author the count, the count of each channel and the distinct customers.
 */
export async function activityByOwner(
  ctx: CrmContext,
  workspaceId: string,
  owners: string[] | null,
  range: PeriodRange,
  channel: InteractionType | null,
): Promise<ActivityRow[]> {
  const byAuthor = await ctx.db
    .select({
      author: interactions.authorUserId,
      total: count(),
      customers: countDistinct(interactions.customerId),
      byType: PER_CHANNEL,
    })
    .from(interactions)
    .where(
      and(
        eq(interactions.workspaceId, workspaceId),
        ownedBy(interactions.authorUserId, owners),
        loggedIn(range, channel),
      ),
    )
    .groupBy(interactions.authorUserId)
  const names = await userNames(
    ctx,
    byAuthor.map((r) => r.author),
  )
  return byAuthor
    .map(
      (r): ActivityRow => ({
        ownerId: r.author,
        owner: (r.author && names.get(r.author)) || '—',
        total: r.total,
        byType: Object.fromEntries(
          CHANNELS.filter((type) => r.byType[type] > 0).map((t) => [t, r.byType[t]]),
        ),
        customers: r.customers,
      }),
    )
    .sort((a, b) => b.total - a.total || a.owner.localeCompare(b.owner))
}

/** The customers one rep worked in the period (`张伟这周跟进了哪些客户`), most recent first, up to 20. */
export async function customersWorked(
  ctx: CrmContext,
  workspaceId: string,
  ownerId: string,
  range: PeriodRange,
  channel: InteractionType | null,
): Promise<{ id: string; name: string }[]> {
  const touched = ctx.db
    .select({
      customerId: interactions.customerId,
      at: sql<number>`max(${interactions.occurredAt})`.as('at'),
    })
    .from(interactions)
    .where(and(eq(interactions.authorUserId, ownerId), loggedIn(range, channel)))
    .groupBy(interactions.customerId)
    .as('touched')
  const rows = await ctx.db
    .select({ id: customers.id, name: customers.name })
    .from(touched)
    .innerJoin(customers, eq(customers.id, touched.customerId))
    .where(eq(customers.workspaceId, workspaceId))
    .orderBy(sql`${touched.at} desc`)
    .limit(20)
  return rows
}
