import { and, desc, eq, like, lt, ne, or } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { customers } from '../db/schema.ts'
import { assertAccess, canAccess, visibleOwnerIds } from './access.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { escapeLike } from './matching/match-customer.ts'
import { normalizeCompanyName } from './normalize.ts'
import { ownedBy, type Page, pageOf } from './paging.ts'

export type CustomerRow = typeof customers.$inferSelect

export { type CustomerMatch, matchCustomer } from './matching/match-customer.ts'

export interface NewCustomer {
  name: string
  industry?: string | null | undefined
  ownerUserId?: string | null | undefined
  tags?: string[] | undefined
  inPool?: boolean | undefined
}

/** Creates a customer owned by the actor (unless another owner or the pool is asked for), audited. */
export async function createCustomer(
  ctx: CrmContext,
  actor: Actor,
  input: NewCustomer,
): Promise<CustomerRow> {
  const name = input.name.trim()
  if (!name) throw new CrmError('invalid', 'customer name is empty')
  const ownerUserId = input.inPool ? null : (input.ownerUserId ?? actor.userId)
  if (ownerUserId && ownerUserId !== actor.userId) {
    await assertAccess(ctx, actor, { workspaceId: actor.workspaceId, ownerUserId }, `owner ${ownerUserId}`)
  }
  const now = ctx.now()
  const row: CustomerRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    name,
    normalizedName: normalizeCompanyName(name),
    industry: input.industry ?? null,
    ownerUserId,
    tags: input.tags ?? [],
    status: 'active',
    inPool: input.inPool ?? false,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.batch([
    ctx.db.insert(customers).values(row),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'customer', entityId: row.id, after: row },
      now,
    ),
  ])
  return row
}

/** The customer, if the actor may see it; `not_found` otherwise, so ids of others' customers don't leak. */
export async function getCustomer(ctx: CrmContext, actor: Actor, id: string): Promise<CustomerRow> {
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, id))
  if (!row || !canAccess(actor, await visibleOwnerIds(ctx, actor), row)) {
    throw new CrmError('not_found', `no customer with id "${id}" that you can see`)
  }
  return row
}

export type CustomerPatch = Partial<
  Pick<CustomerRow, 'name' | 'industry' | 'ownerUserId' | 'tags' | 'status' | 'inPool'>
>

export async function updateCustomer(ctx: CrmContext, actor: Actor, id: string, patch: CustomerPatch) {
  const before = await getCustomer(ctx, actor, id)
  const now = ctx.now()
  const changes: Partial<CustomerRow> = { ...patch, updatedAt: now }
  if (patch.name !== undefined) changes.normalizedName = normalizeCompanyName(patch.name)
  if (patch.ownerUserId)
    await assertAccess(
      ctx,
      actor,
      { workspaceId: actor.workspaceId, ownerUserId: patch.ownerUserId },
      'the new owner',
    )
  const after = { ...before, ...changes }
  await ctx.db.batch([
    ctx.db.update(customers).set(changes).where(eq(customers.id, id)),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'update', entityType: 'customer', entityId: id, before, after },
      now,
    ),
  ])
  return after
}

/** Customers the actor can see, newest first, optionally filtered by a name fragment. */
export async function listCustomers(
  ctx: CrmContext,
  actor: Actor,
  query: {
    q?: string | undefined
    limit: number
    cursor?: string | undefined
    includeArchived?: boolean | undefined
  },
): Promise<Page<CustomerRow>> {
  const owners = await visibleOwnerIds(ctx, actor)
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        or(ownedBy(customers.ownerUserId, owners), eq(customers.inPool, true)),
        query.q
          ? like(customers.normalizedName, `%${escapeLike(normalizeCompanyName(query.q))}%`)
          : undefined,
        query.cursor ? lt(customers.id, query.cursor) : undefined,
        query.includeArchived ? undefined : ne(customers.status, 'archived'),
      ),
    )
    .orderBy(desc(customers.id))
    .limit(query.limit + 1)
  return pageOf(rows, query.limit)
}
