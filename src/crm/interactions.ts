import { and, desc, eq, sql } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import {
  contacts,
  customers,
  deals,
  type INTERACTION_TYPES,
  interactions,
  reminders,
  type SENTIMENTS,
} from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { recomputeLastContact } from './last-touch.ts'

export type InteractionRow = typeof interactions.$inferSelect

export interface NewInteraction {
  customerId: string
  contactId?: string | null | undefined
  dealId?: string | null | undefined
  type: (typeof INTERACTION_TYPES)[number]
  rawText: string
  summary?: string | null | undefined
  sentiment?: (typeof SENTIMENTS)[number] | null | undefined
  sentimentScore?: number | null | undefined
  extracted?: Record<string, unknown> | undefined
  occurredAt?: Date | undefined
  sourcePlatform: string
  sourceMessageId: string
  /** `pending` when an LLM will enrich it after the reply. */
  enrichmentStatus?: 'none' | 'pending' | undefined
}

/**
 * Logs a 跟进记录. The (workspace, platform, message id) key is unique: a redelivered message returns the
 * row logged the first time with `duplicate: true` instead of logging it again.
 */
export async function logInteraction(
  ctx: CrmContext,
  actor: Actor,
  input: NewInteraction,
  options: { appendOnly?: boolean } = {},
): Promise<{ interaction: InteractionRow; duplicate: boolean }> {
  if (options.appendOnly) await assertSameWorkspace(ctx, actor, input.customerId)
  else await getCustomer(ctx, actor, input.customerId)
  await assertOfCustomer(ctx, input)
  const now = ctx.now()
  const row: InteractionRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    dealId: input.dealId ?? null,
    authorUserId: actor.userId,
    type: input.type,
    rawText: input.rawText,
    summary: input.summary ?? null,
    sentiment: input.sentiment ?? null,
    sentimentScore: input.sentimentScore ?? null,
    extracted: input.extracted ?? {},
    occurredAt: input.occurredAt ?? now,
    sourcePlatform: input.sourcePlatform,
    sourceMessageId: input.sourceMessageId,
    enrichmentStatus: input.enrichmentStatus ?? 'none',
    enrichmentAttempts: 0,
    enrichmentNextAt: input.enrichmentStatus === 'pending' ? now : null,
    createdAt: now,
  }
  const [inserted] = await ctx.db
    .insert(interactions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: interactions.id })
  if (!inserted) {
    const [first] = await ctx.db
      .select()
      .from(interactions)
      .where(
        and(
          eq(interactions.workspaceId, actor.workspaceId),
          eq(interactions.sourcePlatform, input.sourcePlatform),
          eq(interactions.sourceMessageId, input.sourceMessageId),
        ),
      )
    if (!first)
      throw new Error(
        `interaction ${input.sourcePlatform}/${input.sourceMessageId} conflicted but is missing`,
      )
    return { interaction: first, duplicate: true }
  }
  await ctx.db.batch([
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'interaction', entityId: row.id, after: row },
      now,
    ),
    touchCustomer(ctx, row.customerId, row.occurredAt),
  ])
  return { interaction: row, duplicate: false }
}

/**
 * An append-only note (a rep in a `private` workspace writing about a colleague's customer) needs no read
 * access: the note is kept rather than dropped, and the owner is asked. It must still be this workspace's.
 */
async function assertSameWorkspace(ctx: CrmContext, actor: Actor, customerId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ workspaceId: customers.workspaceId })
    .from(customers)
    .where(eq(customers.id, customerId))
  if (row?.workspaceId !== actor.workspaceId)
    throw new CrmError('not_found', `no customer with id "${customerId}" in this workspace`)
}

/** Moves the customer's last contact forward to `at` (never back: a note about last month is old news). */
function touchCustomer(ctx: CrmContext, customerId: string, at: Date) {
  return ctx.db
    .update(customers)
    .set({ lastContactAt: sql`max(coalesce(${customers.lastContactAt}, 0), ${at.getTime()})` })
    .where(eq(customers.id, customerId))
}

export async function getInteraction(ctx: CrmContext, actor: Actor, id: string): Promise<InteractionRow> {
  const [row] = await ctx.db.select().from(interactions).where(eq(interactions.id, id))
  if (!row) throw new CrmError('not_found', `no interaction with id "${id}"`)
  await getCustomer(ctx, actor, row.customerId)
  return row
}

export async function updateInteraction(
  ctx: CrmContext,
  actor: Actor,
  id: string,
  patch: Partial<
    Pick<
      InteractionRow,
      | 'type'
      | 'summary'
      | 'sentiment'
      | 'sentimentScore'
      | 'extracted'
      | 'contactId'
      | 'customerId'
      | 'enrichmentStatus'
      | 'enrichmentAttempts'
      | 'enrichmentNextAt'
    >
  >,
): Promise<InteractionRow> {
  const before = await getInteraction(ctx, actor, id)
  const after = { ...before, ...patch }
  const now = ctx.now()
  await ctx.db.batch([
    ctx.db.update(interactions).set(patch).where(eq(interactions.id, id)),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'update', entityType: 'interaction', entityId: id, before, after },
      now,
    ),
  ])
  return after
}

/** Removes a note (Undo), with the follow-up reminder it set, keeping the audit trail of both. */
export async function deleteInteraction(ctx: CrmContext, actor: Actor, id: string): Promise<InteractionRow> {
  const before = await getInteraction(ctx, actor, id)
  if (before.authorUserId !== actor.userId && actor.role === 'rep') {
    throw new CrmError('forbidden', 'only the author can undo a note')
  }
  const now = ctx.now()
  const followUpId =
    typeof before.extracted.followUpReminderId === 'string' ? before.extracted.followUpReminderId : null
  await ctx.db.batch([
    ctx.db.delete(interactions).where(eq(interactions.id, id)),
    ...(followUpId
      ? [ctx.db.update(reminders).set({ status: 'cancelled' }).where(eq(reminders.id, followUpId))]
      : []),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'delete', entityType: 'interaction', entityId: id, before },
      now,
    ),
    // After the delete in the same batch, so the undone note no longer counts as the last contact.
    recomputeLastContact(ctx.db, [before.customerId]),
  ])
  return before
}

export async function recentInteractions(
  ctx: CrmContext,
  customerId: string,
  limit = 5,
): Promise<InteractionRow[]> {
  return ctx.db
    .select()
    .from(interactions)
    .where(eq(interactions.customerId, customerId))
    .orderBy(desc(interactions.occurredAt))
    .limit(limit)
}

/** A note's contact and deal must be the customer's own: an id from elsewhere is refused, naming the field. */
async function assertOfCustomer(
  ctx: CrmContext,
  input: Pick<NewInteraction, 'customerId' | 'contactId' | 'dealId'>,
): Promise<void> {
  if (input.contactId) {
    const [contact] = await ctx.db
      .select({ customerId: contacts.customerId })
      .from(contacts)
      .where(eq(contacts.id, input.contactId))
    if (contact?.customerId !== input.customerId)
      throw new CrmError(
        'invalid',
        `contact_id "${input.contactId}" is not a contact of this customer`,
        'contact_id',
      )
  }
  if (input.dealId) {
    const [deal] = await ctx.db
      .select({ customerId: deals.customerId })
      .from(deals)
      .where(eq(deals.id, input.dealId))
    if (deal?.customerId !== input.customerId)
      throw new CrmError('invalid', `deal_id "${input.dealId}" is not a deal of this customer`, 'deal_id')
  }
}
