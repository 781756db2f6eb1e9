import { and, desc, eq, inArray, lt, ne, or } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { customers } from '../db/schema.ts'
import { assertAccess, canAccess, visibleOwnerIds } from './access.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { insertCustomerOnce, liveNameKeyOf } from './insert-customer.ts'
import { likeText } from './like-pattern.ts'
import { normalizeCompanyName } from './normalize.ts'
import { assertOwnerInWorkspace } from './owners.ts'
import { ownedBy, type Page, pageOf } from './paging.ts'
import { isCollaborator, sharedCustomerIds } from './sharing.ts'

export type CustomerRow = typeof customers.$inferSelect

export { type CustomerMatch, matchCustomer } from './matching/match-customer.ts'

export interface NewCustomer {
  name: string
  industry?: string | null | undefined
  ownerUserId?: string | null | undefined
  tags?: string[] | undefined
  inPool?: boolean | undefined
}

/** Creates a customer owned by the actor (unless another owner or the pool is asked for), audited. A live
 * customer of the same normalized name is a `conflict`. */
export async function createCustomer(
  ctx: CrmContext,
  actor: Actor,
  input: NewCustomer,
): Promise<CustomerRow> {
  const { customer, created } = await findOrCreateCustomer(ctx, actor, input)
  if (!created)
    throw new CrmError('conflict', `customer "${customer.name}" exists already (id ${customer.id})`)
  return customer
}

/**
 * The live customer of this name in the actor's workspace, created (audited) when there is none: one
 * statement decides, so concurrent messages naming one new customer end with one. A same-named customer
 * the actor may not see is a `conflict`, without its details.
 */
export async function findOrCreateCustomer(
  ctx: CrmContext,
  actor: Actor,
  input: NewCustomer,
): Promise<{ customer: CustomerRow; created: boolean }> {
  const name = input.name.trim()
  if (!name) throw new CrmError('invalid', 'customer name is empty')
  const ownerUserId = input.inPool ? null : (input.ownerUserId ?? actor.userId)
  if (ownerUserId && ownerUserId !== actor.userId) {
    await assertOwnerInWorkspace(ctx, actor, ownerUserId)
    await assertAccess(ctx, actor, { workspaceId: actor.workspaceId, ownerUserId }, `owner ${ownerUserId}`)
  }
  const now = ctx.now()
  const normalizedName = normalizeCompanyName(name)
  const row: CustomerRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    name,
    normalizedName,
    industry: input.industry ?? null,
    ownerUserId,
    tags: input.tags ?? [],
    status: 'active',
    inPool: input.inPool ?? false,
    liveNameKey: normalizedName,
    ownedSince: ownerUserId ? now : null,
    poolReturnedAt: null,
    lastOwnerUserId: null,
    lastContactAt: now,
    createdAt: now,
    updatedAt: now,
  }
  const result = await insertCustomerOnce(ctx, actor, row)
  if (!result.created && !canAccess(actor, await visibleOwnerIds(ctx, actor), result.customer))
    throw new CrmError('conflict', `a customer named "${name}" exists and is owned by someone else`)
  return result
}

/** The customer, if the actor may see it (as owner, by sharing mode or role, or as 协作人); `not_found` otherwise, so ids of others' customers don't leak. */
export async function getCustomer(ctx: CrmContext, actor: Actor, id: string): Promise<CustomerRow> {
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, id))
  const visible =
    row !== undefined &&
    (canAccess(actor, await visibleOwnerIds(ctx, actor), row) ||
      (row.workspaceId === actor.workspaceId && (await isCollaborator(ctx, row.id, actor.userId))))
  if (!row || !visible) {
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
  changes.liveNameKey = liveNameKeyOf({ ...before, ...changes })
  if (patch.ownerUserId) await assertOwnerInWorkspace(ctx, actor, patch.ownerUserId)
  if (patch.ownerUserId)
    await assertAccess(
      ctx,
      actor,
      { workspaceId: actor.workspaceId, ownerUserId: patch.ownerUserId },
      'the new owner',
    )
  const after = { ...before, ...changes }
  try {
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
  } catch (error) {
    // The unique live name key: renaming (or restoring) onto the name of another live customer.
    if (String(error).includes('UNIQUE') && changes.liveNameKey)
      throw new CrmError('conflict', `a live customer is named "${after.name}" already`)
    throw error
  }
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
    /** Only this owner's customers (`我的客户`). */
    ownerUserId?: string | undefined
  },
): Promise<Page<CustomerRow>> {
  const owners = await visibleOwnerIds(ctx, actor)
  const shared = owners === null ? [] : await sharedCustomerIds(ctx, actor.userId)
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        or(
          ownedBy(customers.ownerUserId, owners),
          eq(customers.inPool, true),
          shared.length ? inArray(customers.id, shared) : undefined,
        ),
        query.ownerUserId ? eq(customers.ownerUserId, query.ownerUserId) : undefined,
        query.q ? matchesSearch(query.q) : undefined,
        query.cursor ? lt(customers.id, query.cursor) : undefined,
        query.includeArchived ? undefined : ne(customers.status, 'archived'),
      ),
    )
    .orderBy(desc(customers.id))
    .limit(query.limit + 1)
  return pageOf(rows, query.limit)
}

/** A name search: on the normalized name, or on the name as written when normalizing leaves nothing (`%`). */
function matchesSearch(q: string) {
  const key = normalizeCompanyName(q)
  return key ? likeText(customers.normalizedName, key) : likeText(customers.name, q.trim())
}
