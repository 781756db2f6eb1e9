import { and, asc, count, desc, eq, inArray } from 'drizzle-orm'
import { visibleOwnerIds } from '../crm/access.ts'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { getCustomer } from '../crm/customers.ts'
import { ownedBy } from '../crm/paging.ts'
import { dealsByStage } from '../crm/reports/deal-reports.ts'
import {
  customerSummary,
  dealSummary,
  interactionSummary,
  reminderSummary,
  userNames,
} from '../crm/summaries.ts'
import { customers, deals, interactions, reminders } from '../db/schema.ts'
import type { DealStage, Sentiment } from '../understand/parsed-message.ts'

/** The board's columns: every open stage, largest deals first. */
export const OPEN_STAGES: DealStage[] = ['lead', 'qualified', 'proposal', 'negotiation']

/** The pipeline board the actor may see: each open stage with its count and largest deals. */
export async function pipelineBoard(ctx: CrmContext, actor: Actor) {
  const scope = { workspaceId: actor.workspaceId, owners: await visibleOwnerIds(ctx, actor) }
  return Promise.all(OPEN_STAGES.map((stage) => dealsByStage(ctx, scope, stage)))
}

/**
 * One customer's page: the card, every deal, the last 50 interactions and the sentiment they carry.
 * `getCustomer` makes another rep's customer read as not found.
 */
export async function customerPage(ctx: CrmContext, actor: Actor, id: string) {
  const customer = await getCustomer(ctx, actor, id)
  const [interactionRows, dealRows, sentimentRows] = await Promise.all([
    ctx.db
      .select()
      .from(interactions)
      .where(eq(interactions.customerId, id))
      .orderBy(desc(interactions.occurredAt))
      .limit(50),
    ctx.db.select().from(deals).where(eq(deals.customerId, id)).orderBy(desc(deals.updatedAt)),
    ctx.db
      .select({ sentiment: interactions.sentiment, n: count() })
      .from(interactions)
      .where(eq(interactions.customerId, id))
      .groupBy(interactions.sentiment),
  ])
  const names = await userNames(ctx, [
    customer.ownerUserId,
    ...interactionRows.map((i) => i.authorUserId),
    ...dealRows.map((d) => d.ownerUserId),
  ])
  const sentiment: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 }
  for (const r of sentimentRows) if (r.sentiment) sentiment[r.sentiment] = r.n
  return {
    customer: customerSummary(customer, names),
    lastContactAt: customer.lastContactAt,
    deals: dealRows.map((d) => dealSummary(d, customer.name, names)),
    timeline: interactionRows.map((i) => interactionSummary(i, actor, names)),
    sentiment,
  }
}

/** Open reminders of everyone the actor may see, soonest first, with their owner. */
export async function teamReminders(ctx: CrmContext, actor: Actor) {
  const owners = await visibleOwnerIds(ctx, actor)
  const rows = await ctx.db
    .select({ reminder: reminders, customer: customers.name })
    .from(reminders)
    .leftJoin(customers, eq(customers.id, reminders.customerId))
    .where(
      and(
        eq(reminders.workspaceId, actor.workspaceId),
        ownedBy(reminders.ownerUserId, owners),
        inArray(reminders.status, ['pending', 'sent']),
      ),
    )
    .orderBy(asc(reminders.dueAt))
    .limit(100)
  const names = await userNames(
    ctx,
    rows.map((r) => r.reminder.ownerUserId),
  )
  return rows.map((r) => ({
    ...reminderSummary(r.reminder, actor, r.customer),
    ownerName: names.get(r.reminder.ownerUserId) ?? '—',
  }))
}
