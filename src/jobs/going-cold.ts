import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { DealSummary } from '../chat/reply-data.ts'
import { responsibleOwnerIds } from '../crm/access.ts'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CLOSED_STAGES } from '../crm/deals.ts'
import { lastTouchByCustomer } from '../crm/last-touch.ts'
import { ownedBy } from '../crm/paging.ts'
import { dealSummary, userNames } from '../crm/summaries.ts'
import { customers, deals } from '../db/schema.ts'

const DAY_MS = 86_400_000

/** Customers and open deals the actor can see that nobody has followed up for `days` days or more. */
export async function goingCold(crm: CrmContext, actor: Actor, days: number) {
  const owners = await responsibleOwnerIds(crm, actor)
  const cutoff = crm.now().getTime() - days * DAY_MS
  const lastTouch = lastTouchByCustomer(crm.db, 'last_touch')
  const rows = await crm.db
    .select({ customer: customers, lastAt: lastTouch.at })
    .from(customers)
    .leftJoin(lastTouch, eq(lastTouch.customerId, customers.id))
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        eq(customers.status, 'active'),
        ownedBy(customers.ownerUserId, owners),
      ),
    )
  const silentSince = new Map(
    rows.map((r) => [r.customer.id, Number(r.lastAt ?? r.customer.createdAt.getTime())]),
  )
  const cold = rows.filter((r) => (silentSince.get(r.customer.id) ?? 0) < cutoff)
  const dealRows = await crm.db
    .select()
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, actor.workspaceId),
        notInArray(deals.stage, CLOSED_STAGES),
        ownedBy(deals.ownerUserId, owners),
        sql`${deals.updatedAt} < ${cutoff}`,
      ),
    )
  const names = await userNames(crm, [
    ...cold.map((r) => r.customer.ownerUserId),
    ...dealRows.map((d) => d.ownerUserId),
  ])
  const customerName = new Map(rows.map((r) => [r.customer.id, r.customer.name]))
  const daysSilent = (at: number) => Math.floor((crm.now().getTime() - at) / DAY_MS)
  return {
    customers: cold.map((r) => ({
      id: r.customer.id,
      name: r.customer.name,
      ownerName: r.customer.ownerUserId ? (names.get(r.customer.ownerUserId) ?? null) : null,
      daysSilent: daysSilent(silentSince.get(r.customer.id) ?? 0),
    })),
    deals: dealRows
      .filter((d) => (silentSince.get(d.customerId) ?? 0) < cutoff)
      .map((d): DealSummary & { daysSilent: number } => ({
        ...dealSummary(d, customerName.get(d.customerId) ?? '', names),
        daysSilent: daysSilent(Math.max(silentSince.get(d.customerId) ?? 0, d.updatedAt.getTime())),
      })),
  }
}
