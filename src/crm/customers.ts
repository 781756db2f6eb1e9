import { and, desc, eq, like, lt, ne, or, sql } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { customers } from '../db/schema.ts'
import { assertAccess, canAccess, visibleOwnerIds } from './access.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { insertCustomerOnce, liveNameKeyOf } from './insert-customer.ts'
import { editDistance, normalizeCompanyName } from './normalize.ts'
import { ownedBy, type Page, pageOf } from './paging.ts'

export type CustomerRow = typeof customers.$inferSelect

export type CustomerMatch =
  | { kind: 'found'; customer: CustomerRow }
  /** Several customers fit: ask, never guess. `exact` tells whether the name matched one of them exactly. */
  | { kind: 'ambiguous'; options: CustomerRow[]; exact: boolean }
  | { kind: 'not_found' }
  /** The customer exists but belongs to someone the actor may not see (撞单): don't create a duplicate. */
  | { kind: 'forbidden'; customer: CustomerRow }

/**
 * Finds the customer a name in a message means. One exact (normalized) match wins; a name close to one or
 * more existing customers (contains or is contained in one, or one edit away) is a question for the user.
 */
export async function matchCustomer(ctx: CrmContext, actor: Actor, name: string): Promise<CustomerMatch> {
  const key = normalizeCompanyName(name)
  if (!key) return { kind: 'not_found' }
  const owners = await visibleOwnerIds(ctx, actor)
  const candidates = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        // An archived customer (an undone creation, a closed account) is not what a new message means.
        ne(customers.status, 'archived'),
        or(
          eq(customers.normalizedName, key),
          like(customers.normalizedName, `%${escapeLike(key)}%`),
          sql`instr(${key}, ${customers.normalizedName}) > 0`,
          like(customers.normalizedName, `${escapeLike(key.slice(0, 2))}%`),
        ),
      ),
    )
    .limit(50)
  const visible = candidates.filter((c) => canAccess(actor, owners, c))
  const exact = visible.filter((c) => c.normalizedName === key)
  if (exact.length === 1 && exact[0]) return { kind: 'found', customer: exact[0] }
  if (exact.length > 1) return { kind: 'ambiguous', options: exact, exact: true }
  const hidden = candidates.find((c) => c.normalizedName === key && !canAccess(actor, owners, c))
  if (hidden) return { kind: 'forbidden', customer: hidden }
  const close = visible.filter((c) => isCloseName(key, c.normalizedName))
  return close.length > 0
    ? { kind: 'ambiguous', options: close.slice(0, 5), exact: false }
    : { kind: 'not_found' }
}

function isCloseName(key: string, other: string): boolean {
  if (key.length >= 2 && (other.includes(key) || key.includes(other))) return true
  return Math.min(key.length, other.length) >= 3 && editDistance(key, other, 2) <= 1
}

function escapeLike(text: string): string {
  return text.replace(/[%_]/g, '')
}

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
    createdAt: now,
    updatedAt: now,
  }
  const result = await insertCustomerOnce(ctx, actor, row)
  if (!result.created && !canAccess(actor, await visibleOwnerIds(ctx, actor), result.customer))
    throw new CrmError('conflict', `a customer named "${name}" exists and is owned by someone else`)
  return result
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
  changes.liveNameKey = liveNameKeyOf({ ...before, ...changes })
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
