import { and, count, desc, eq, gte, lt, ne, sql } from 'drizzle-orm'
import { customers, deals, interactions } from '../../db/schema.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { matchCustomer } from '../customers.ts'
import { recentInteractions } from '../interactions.ts'
import { ownedBy } from '../paging.ts'
import type { PeriodRange } from '../periods.ts'
import { customerSummary, dealSummary, interactionSummary, userNames } from '../summaries.ts'
import type { ReportResult, StaleCustomer } from './report-data.ts'

const DAY_MS = 86_400_000
/** How many rows a chat answer lists; the total says how many more there are. */
const LISTED = 20

/**
 * Active customers in scope nobody has worked for `days` days or more, longest silent first. An index
 * range on `last_contact_at` (customers_workspace_contact / customers_owner_contact).
 */
export async function staleCustomers(
  ctx: CrmContext,
  workspaceId: string,
  owners: string[] | null,
  days: number,
): Promise<Extract<ReportResult, { metric: 'stale_customers' }>> {
  const now = ctx.now().getTime()
  const where = and(
    eq(customers.workspaceId, workspaceId),
    ownedBy(customers.ownerUserId, owners),
    lt(customers.lastContactAt, new Date(now - days * DAY_MS)),
    eq(customers.status, 'active'),
  )
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: customers.id,
        name: customers.name,
        owner: customers.ownerUserId,
        at: customers.lastContactAt,
      })
      .from(customers)
      .where(where)
      .orderBy(customers.lastContactAt)
      .limit(LISTED),
    ctx.db.select({ n: count() }).from(customers).where(where),
  ])
  const names = await userNames(
    ctx,
    rows.map((r) => r.owner),
  )
  return {
    metric: 'stale_customers',
    staleDays: days,
    total: total?.n ?? 0,
    customers: rows.map(
      (r): StaleCustomer => ({
        id: r.id,
        name: r.name,
        ownerName: r.owner ? (names.get(r.owner) ?? null) : null,
        daysSilent: Math.floor((now - (r.at?.getTime() ?? now)) / DAY_MS),
      }),
    ),
  }
}

/** Customers created in the period, newest first. */
export async function newCustomers(
  ctx: CrmContext,
  workspaceId: string,
  owners: string[] | null,
  range: PeriodRange,
  periodLabel: string,
): Promise<Extract<ReportResult, { metric: 'new_customers' }>> {
  const where = and(
    eq(customers.workspaceId, workspaceId),
    ownedBy(customers.ownerUserId, owners),
    gte(customers.createdAt, range.start),
    lt(customers.createdAt, range.end),
    ne(customers.status, 'archived'),
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(customers).where(where).orderBy(desc(customers.createdAt)).limit(LISTED),
    ctx.db.select({ n: count() }).from(customers).where(where),
  ])
  const names = await userNames(
    ctx,
    rows.map((r) => r.ownerUserId),
  )
  return {
    metric: 'new_customers',
    periodLabel,
    total: total?.n ?? 0,
    customers: rows.map((r) => customerSummary(r, names)),
  }
}

/** Customers with negative notes in the last `days` days, most negatives first, with the latest one. */
export async function negativeCustomers(
  ctx: CrmContext,
  workspaceId: string,
  owners: string[] | null,
  days: number,
): Promise<Extract<ReportResult, { metric: 'negative_customers' }>> {
  const now = ctx.now().getTime()
  const rows = await ctx.db
    .select({
      id: customers.id,
      name: customers.name,
      owner: customers.ownerUserId,
      negatives: count(),
      lastAt: sql<number>`max(${interactions.occurredAt})`,
      lastNote: sql<string>`(select coalesce(i2.summary, i2.raw_text) from interactions i2 where i2.customer_id = ${customers.id} and i2.sentiment = 'negative' order by i2.occurred_at desc limit 1)`,
    })
    .from(interactions)
    .innerJoin(customers, eq(customers.id, interactions.customerId))
    .where(
      and(
        eq(interactions.workspaceId, workspaceId),
        gte(interactions.occurredAt, new Date(now - days * DAY_MS)),
        eq(interactions.sentiment, 'negative'),
        ownedBy(customers.ownerUserId, owners),
      ),
    )
    .groupBy(customers.id)
    .orderBy(desc(count()), desc(sql`max(${interactions.occurredAt})`))
    .limit(LISTED)
  const names = await userNames(
    ctx,
    rows.map((r) => r.owner),
  )
  return {
    metric: 'negative_customers',
    days,
    customers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerName: r.owner ? (names.get(r.owner) ?? null) : null,
      daysSilent: Math.floor((now - Number(r.lastAt)) / DAY_MS),
      negatives: r.negatives,
      lastNote: r.lastNote,
    })),
  }
}

/**
 * `华为最近怎么样`: the customer's last 8 interactions and its deals, through the same matching and
 * permissions as a look-up, so a customer the asker may not see reads as not found.
 */
export async function customerHistory(
  ctx: CrmContext,
  actor: Actor,
  owners: string[] | null,
  name: string | null,
): Promise<Extract<ReportResult, { metric: 'customer_history' }>> {
  const empty = {
    metric: 'customer_history' as const,
    customer: null,
    asked: name,
    interactions: [],
    deals: [],
  }
  if (!name) return empty
  const match = await matchCustomer(ctx, actor, name)
  const customer = match.kind === 'found' ? match.customer : null
  // A group chat narrows owners below what matchCustomer allows.
  if (!customer || (owners !== null && !customer.inPool && !owners.includes(customer.ownerUserId ?? '')))
    return empty
  const [interactionRows, dealRows] = await Promise.all([
    recentInteractions(ctx, customer.id, 8),
    ctx.db.select().from(deals).where(eq(deals.customerId, customer.id)).orderBy(desc(deals.updatedAt)),
  ])
  const names = await userNames(ctx, [
    customer.ownerUserId,
    ...interactionRows.map((i) => i.authorUserId),
    ...dealRows.map((d) => d.ownerUserId),
  ])
  return {
    metric: 'customer_history',
    customer: customerSummary(customer, names),
    asked: name,
    interactions: interactionRows.map((i) => interactionSummary(i, actor, names)),
    deals: dealRows.map((d) => dealSummary(d, customer.name, names)),
  }
}
