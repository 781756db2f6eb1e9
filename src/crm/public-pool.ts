/**
 * 公海, the public pool, as Chinese CRMs run it: a customer its owner has not followed up for N days, or has
 * held M days without a won deal, goes back to the pool (its owner told a few days before), and any rep may
 * claim it, up to a per-rep limit. Claims are a compare-and-set on `in_pool`, so two reps pressing "claim" at
 * once get one winner.
 */
import { and, count, eq, isNotNull, max, sql } from 'drizzle-orm'
import { customers, deals } from '../db/schema.ts'
import { auditIfChanged } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import type { CustomerRow } from './customers.ts'
import { lastTouchByCustomer } from './last-touch.ts'
import type { WorkspaceRules } from './workspace-settings.ts'

const DAY_MS = 86_400_000

/** Where an owned customer stands against the pool rules. */
export interface PoolStanding {
  customer: CustomerRow
  /** When it returns to the pool if nothing happens. */
  returnsAt: Date
  reason: 'no_follow_up' | 'no_won_deal'
}

/**
 * Every owned, active customer of the workspace with the moment it would return to the pool: the earlier of
 * `noFollowUpDays` after its last interaction (or since it was taken) and `noWonDays` after it was taken or
 * last won. One query for the whole workspace.
 */
export async function poolStandings(
  ctx: CrmContext,
  workspaceId: string,
  rules: WorkspaceRules['pool'],
  ownerUserId?: string,
): Promise<PoolStanding[]> {
  const lastTouch = lastTouchByCustomer(ctx.db, 'last_touch', workspaceId)
  const lastWon = ctx.db
    .select({ customerId: deals.customerId, at: max(deals.closedAt).as('last_won_at') })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.stage, 'won')))
    .groupBy(deals.customerId)
    .as('last_won')
  const rows = await ctx.db
    .select({ customer: customers, touchedAt: lastTouch.at, wonAt: lastWon.at })
    .from(customers)
    .leftJoin(lastTouch, eq(lastTouch.customerId, customers.id))
    .leftJoin(lastWon, eq(lastWon.customerId, customers.id))
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        eq(customers.status, 'active'),
        eq(customers.inPool, false),
        ownerUserId ? eq(customers.ownerUserId, ownerUserId) : isNotNull(customers.ownerUserId),
      ),
    )
  return rows.map(({ customer, touchedAt, wonAt }) => {
    const taken = (customer.ownedSince ?? customer.createdAt).getTime()
    const followUpBase = Math.max(taken, Number(touchedAt ?? 0))
    const wonBase = Math.max(taken, Number(wonAt ?? 0))
    const byFollowUp = followUpBase + rules.noFollowUpDays * DAY_MS
    const byWon = wonBase + rules.noWonDays * DAY_MS
    return byFollowUp <= byWon
      ? { customer, returnsAt: new Date(byFollowUp), reason: 'no_follow_up' as const }
      : { customer, returnsAt: new Date(byWon), reason: 'no_won_deal' as const }
  })
}

/** Puts a customer back in the pool (no owner), remembering whose it was; audited as the system's act. */
export async function returnToPool(ctx: CrmContext, customer: CustomerRow, reason: string): Promise<boolean> {
  const now = ctx.now()
  const after = {
    inPool: true,
    ownerUserId: null,
    lastOwnerUserId: customer.ownerUserId,
    poolReturnedAt: now,
    updatedAt: now,
  }
  const [changed] = await ctx.db.batch([
    ctx.db
      .update(customers)
      .set(after)
      .where(and(eq(customers.id, customer.id), eq(customers.inPool, false)))
      .returning({ id: customers.id }),
    auditIfChanged(
      ctx.db,
      null,
      customer.workspaceId,
      {
        action: 'return_to_pool',
        entityType: 'customer',
        entityId: customer.id,
        before: customer,
        after: { ...customer, ...after, reason },
      },
      now,
    ),
  ])
  return changed.length === 1
}

/** Customers in the workspace's pool, most recently returned first. */
export async function listPool(ctx: CrmContext, actor: Actor, limit = 20): Promise<CustomerRow[]> {
  return ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        eq(customers.inPool, true),
        eq(customers.status, 'active'),
      ),
    )
    .orderBy(sql`${customers.poolReturnedAt} desc nulls last`, customers.name)
    .limit(limit)
}

/** How many active customers a user holds outside the pool. */
export async function heldCount(ctx: CrmContext, workspaceId: string, userId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        eq(customers.ownerUserId, userId),
        eq(customers.status, 'active'),
        eq(customers.inPool, false),
      ),
    )
  return row?.n ?? 0
}

/**
 * Claims a pool customer for the actor: refused over the per-rep limit (managers and admins too, since the
 * limit is about spreading customers), and a lost race is `conflict`, never a second owner.
 */
export async function claimFromPool(
  ctx: CrmContext,
  actor: Actor,
  customer: CustomerRow,
  limit: number,
): Promise<CustomerRow> {
  if (!customer.inPool || customer.workspaceId !== actor.workspaceId)
    throw new CrmError('invalid', `「${customer.name}」 is not in the public pool`)
  const held = await heldCount(ctx, actor.workspaceId, actor.userId)
  if (held >= limit)
    throw new CrmError('invalid', `you already hold ${held} customers; the limit for claiming is ${limit}`)
  const now = ctx.now()
  const patch = {
    inPool: false,
    ownerUserId: actor.userId,
    ownedSince: now,
    updatedAt: now,
  }
  const [claimed] = await ctx.db.batch([
    ctx.db
      .update(customers)
      .set(patch)
      .where(and(eq(customers.id, customer.id), eq(customers.inPool, true)))
      .returning(),
    auditIfChanged(
      ctx.db,
      actor,
      actor.workspaceId,
      {
        action: 'claim',
        entityType: 'customer',
        entityId: customer.id,
        before: customer,
        after: { ...customer, ...patch },
      },
      now,
    ),
  ])
  const row = claimed[0]
  if (!row) throw new CrmError('conflict', `「${customer.name}」 was just claimed by someone else`)
  return row
}
