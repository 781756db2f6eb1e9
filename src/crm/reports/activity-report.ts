import { and, count, countDistinct, eq, gte, lt, sql } from 'drizzle-orm'
import { customers, interactions } from '../../db/schema.ts'
import type { InteractionType } from '../../understand/parsed-message.ts'
import type { CrmContext } from '../crm-context.ts'
import { ownedBy } from '../paging.ts'
import type { PeriodRange } from '../periods.ts'
import { userNames } from '../summaries.ts'
import type { ActivityRow } from './report-data.ts'

/**
 * Interactions logged in the period by each author in scope, by channel, most active first. Reads only the
 * covering index `interactions_workspace_time` (or `interactions_author_time` for a few authors).
 */
export async function activityByOwner(
  ctx: CrmContext,
  workspaceId: string,
  owners: string[] | null,
  range: PeriodRange,
  channel: InteractionType | null,
): Promise<ActivityRow[]> {
  const where = and(
    eq(interactions.workspaceId, workspaceId),
    gte(interactions.occurredAt, range.start),
    lt(interactions.occurredAt, range.end),
    ownedBy(interactions.authorUserId, owners),
    channel ? eq(interactions.type, channel) : undefined,
  )
  const [byType, touched] = await Promise.all([
    ctx.db
      .select({ author: interactions.authorUserId, type: interactions.type, n: count() })
      .from(interactions)
      .where(where)
      .groupBy(interactions.authorUserId, interactions.type),
    ctx.db
      .select({ author: interactions.authorUserId, n: countDistinct(interactions.customerId) })
      .from(interactions)
      .where(where)
      .groupBy(interactions.authorUserId),
  ])
  const names = await userNames(
    ctx,
    byType.map((r) => r.author),
  )
  const rows = new Map<string | null, ActivityRow>()
  for (const r of byType) {
    const row = rows.get(r.author) ?? {
      ownerId: r.author,
      owner: (r.author && names.get(r.author)) || '—',
      total: 0,
      byType: {},
      customers: 0,
    }
    row.total += r.n
    row.byType[r.type] = r.n
    rows.set(r.author, row)
  }
  for (const t of touched) {
    const row = rows.get(t.author)
    if (row) row.customers = t.n
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.owner.localeCompare(b.owner))
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
    .where(
      and(
        eq(interactions.authorUserId, ownerId),
        gte(interactions.occurredAt, range.start),
        lt(interactions.occurredAt, range.end),
        channel ? eq(interactions.type, channel) : undefined,
      ),
    )
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
