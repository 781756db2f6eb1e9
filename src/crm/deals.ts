import { and, desc, eq, inArray, lt, notInArray, or } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type DealStage, dealStageHistory, deals } from '../db/schema.ts'
import { assertAccess, canAccess, visibleOwnerIds } from './access.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { normalizeCurrency, toMinorUnits } from './money.ts'
import { assertOwnerInWorkspace } from './owners.ts'
import { ownedBy, type Page, pageOf } from './paging.ts'
import { isCollaborator, sharedCustomerIds } from './sharing.ts'

export type DealRow = typeof deals.$inferSelect

/** Default win probability (percent) of each stage, used for the weighted pipeline. */
export const STAGE_PROBABILITY: Record<DealStage, number> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
}
export const CLOSED_STAGES: DealStage[] = ['won', 'lost']

/** A deal's own fields: what a new deal may give and a patch may change. */
export interface DealPatch {
  title?: string | undefined
  /** Whole currency units. */
  amount?: number | undefined
  currency?: string | undefined
  stage?: DealStage | undefined
  probability?: number | undefined
  expectedClose?: string | null | undefined
  ownerUserId?: string | undefined
}

export interface NewDeal extends DealPatch {
  customerId: string
}

export async function createDeal(ctx: CrmContext, actor: Actor, input: NewDeal): Promise<DealRow> {
  const customer = await getCustomer(ctx, actor, input.customerId)
  if (input.ownerUserId) await assertAssignable(ctx, actor, input.ownerUserId)
  const now = ctx.now()
  const stage = input.stage ?? 'lead'
  const currency = normalizeCurrency(input.currency ?? 'CNY')
  const row: DealRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    customerId: customer.id,
    title: input.title?.trim() || `${customer.name}`,
    amountMinor: toMinorUnits(input.amount ?? 0, currency),
    currency,
    stage,
    probability: input.probability ?? STAGE_PROBABILITY[stage],
    expectedClose: input.expectedClose ?? null,
    ownerUserId: input.ownerUserId ?? customer.ownerUserId ?? actor.userId,
    closedAt: CLOSED_STAGES.includes(stage) ? now : null,
    stageChangedAt: now,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.batch([
    ctx.db.insert(deals).values(row),
    ctx.db.insert(dealStageHistory).values({
      id: newId(),
      dealId: row.id,
      fromStage: null,
      toStage: stage,
      changedByUserId: actor.userId,
      changedAt: now,
    }),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'deal', entityId: row.id, after: row },
      now,
    ),
  ])
  return row
}

/**
 * A deal the actor may read: one whose owner they see, or one on a customer shared with them (a 协作人
 * reads the customer's deals as they read its notes).
 */
export async function getDeal(ctx: CrmContext, actor: Actor, id: string): Promise<DealRow> {
  const [row] = await ctx.db.select().from(deals).where(eq(deals.id, id))
  if (row && (await mayChange(ctx, actor, row))) return row
  if (row?.workspaceId === actor.workspaceId && (await isCollaborator(ctx, row.customerId, actor.userId)))
    return row
  throw dealNotFound(id)
}

/** Whether the actor may change the deal: a shared customer's deals stay their owner's (and team's). */
async function mayChange(ctx: CrmContext, actor: Actor, row: DealRow): Promise<boolean> {
  return canAccess(actor, await visibleOwnerIds(ctx, actor), row)
}

const dealNotFound = (id: string) => new CrmError('not_found', `no deal with id "${id}" that you can see`)

/** Updates a deal; a stage change is written to the stage history and resets the probability to the stage's. */
export async function updateDeal(
  ctx: CrmContext,
  actor: Actor,
  id: string,
  patch: DealPatch,
): Promise<DealRow> {
  const [before] = await ctx.db.select().from(deals).where(eq(deals.id, id))
  if (!before || !(await mayChange(ctx, actor, before))) throw dealNotFound(id)
  if (patch.ownerUserId) await assertAssignable(ctx, actor, patch.ownerUserId)
  const now = ctx.now()
  const currency = normalizeCurrency(patch.currency ?? before.currency)
  // The stored minor units mean nothing in another currency (¥800,000 read as JPY is 80,000,000 yen), and
  // there is no rate to convert with: a new currency comes with the amount in it.
  if (currency !== before.currency && patch.amount === undefined)
    throw new CrmError(
      'invalid',
      `currency: changing ${before.currency} to ${currency} needs the amount in ${currency} too`,
      'amount',
    )
  const stage = patch.stage ?? before.stage
  const stageChanged = stage !== before.stage
  const after: DealRow = {
    ...before,
    title: patch.title ?? before.title,
    currency,
    amountMinor: patch.amount !== undefined ? toMinorUnits(patch.amount, currency) : before.amountMinor,
    stage,
    probability: patch.probability ?? (stageChanged ? STAGE_PROBABILITY[stage] : before.probability),
    expectedClose: patch.expectedClose !== undefined ? patch.expectedClose : before.expectedClose,
    ownerUserId: patch.ownerUserId ?? before.ownerUserId,
    closedAt: CLOSED_STAGES.includes(stage) ? (before.closedAt ?? now) : null,
    stageChangedAt: stageChanged ? latest(before.stageChangedAt, now) : before.stageChangedAt,
    updatedAt: now,
  }
  const history = stageChanged
    ? [
        ctx.db.insert(dealStageHistory).values({
          id: newId(),
          dealId: id,
          fromStage: before.stage,
          toStage: stage,
          changedByUserId: actor.userId,
          changedAt: now,
        }),
      ]
    : []
  await ctx.db.batch([
    ctx.db.update(deals).set(after).where(eq(deals.id, id)),
    ...history,
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'update', entityType: 'deal', entityId: id, before, after },
      now,
    ),
  ])
  return after
}

/** The later of two instants: `stageChangedAt` stays the latest history row's even if clocks disagree. */
function latest(a: Date | null, b: Date): Date {
  return a && a > b ? a : b
}

/** The customer's open deal that a chat message most likely means: the one touched last. */
export async function latestOpenDeal(ctx: CrmContext, customerId: string): Promise<DealRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(deals)
    .where(and(eq(deals.customerId, customerId), notInArray(deals.stage, CLOSED_STAGES)))
    .orderBy(desc(deals.updatedAt))
    .limit(1)
  return row
}

export async function listDeals(
  ctx: CrmContext,
  actor: Actor,
  query: {
    limit: number
    cursor?: string | undefined
    stage?: DealStage | undefined
    customerId?: string | undefined
    /** Only this owner's deals (`my deals`). */
    ownerUserId?: string | undefined
  },
): Promise<Page<DealRow>> {
  const owners = await visibleOwnerIds(ctx, actor)
  const shared = owners === null ? [] : await sharedCustomerIds(ctx, actor.userId)
  const rows = await ctx.db
    .select()
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, actor.workspaceId),
        or(ownedBy(deals.ownerUserId, owners), shared.length ? inArray(deals.customerId, shared) : undefined),
        query.stage ? eq(deals.stage, query.stage) : undefined,
        query.customerId ? eq(deals.customerId, query.customerId) : undefined,
        query.ownerUserId ? eq(deals.ownerUserId, query.ownerUserId) : undefined,
        query.cursor ? lt(deals.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(deals.id))
    .limit(query.limit + 1)
  return pageOf(rows, query.limit)
}

/** A deal's new owner: a user of the workspace (400 otherwise) whom the actor may hand records to. */
async function assertAssignable(ctx: CrmContext, actor: Actor, ownerUserId: string): Promise<void> {
  if (ownerUserId === actor.userId) return
  await assertOwnerInWorkspace(ctx, actor, ownerUserId)
  await assertAccess(ctx, actor, { workspaceId: actor.workspaceId, ownerUserId }, `owner ${ownerUserId}`)
}
