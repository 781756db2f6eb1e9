import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type ReminderStatus, reminders } from '../db/schema.ts'
import { canAccess, responsibleOwnerIds } from './access.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { getDeal } from './deals.ts'
import { ownedBy, type Page, pageOf } from './paging.ts'
import { nextOccurrence, normalizeRecurrence, parseRecurrence } from './recurrence.ts'

export type ReminderRow = typeof reminders.$inferSelect

export interface NewReminder {
  text: string
  dueAt: Date
  platform: string
  chatId: string
  customerId?: string | null | undefined
  dealId?: string | null | undefined
  /** RFC 5545 RRULE for a series (`FREQ=WEEKLY;BYDAY=MO`); `dueAt` is its first occurrence. */
  recurrence?: string | null | undefined
}

/** Sets a reminder the scheduler will push into `chatId` on `platform` when due. */
export async function createReminder(
  ctx: CrmContext,
  actor: Actor,
  input: NewReminder,
): Promise<ReminderRow> {
  const text = input.text.trim()
  if (!text) throw new CrmError('invalid', 'reminder text is empty')
  if (Number.isNaN(input.dueAt.getTime()))
    throw new CrmError('invalid', 'reminder due time is not a valid date')
  // Refused here rather than at the first push, so the user hears of a rule we cannot follow at once.
  const recurrence = input.recurrence
    ? normalizeRecurrence(input.recurrence, input.dueAt, actor.timeZone)
    : null
  await assertRelatedVisible(ctx, actor, input)
  const now = ctx.now()
  const id = newId()
  const row: ReminderRow = {
    id,
    workspaceId: actor.workspaceId,
    ownerUserId: actor.userId,
    platform: input.platform,
    chatId: input.chatId,
    text,
    dueAt: input.dueAt,
    status: 'pending',
    attempts: 0,
    sentAt: null,
    customerId: input.customerId ?? null,
    dealId: input.dealId ?? null,
    leaseUntil: null,
    recurrence,
    seriesId: recurrence ? id : null,
    occurrenceAt: recurrence ? input.dueAt : null,
    timeZone: actor.timeZone,
    createdAt: now,
  }
  await ctx.db.batch([
    ctx.db.insert(reminders).values(row),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'reminder', entityId: row.id, after: row },
      now,
    ),
  ])
  return row
}

/** The actor's reminders still to come or not yet acknowledged, soonest first. */
export async function listOpenReminders(ctx: CrmContext, actor: Actor, limit = 20): Promise<ReminderRow[]> {
  const rows = await ctx.db
    .select()
    .from(reminders)
    .where(eq(reminders.ownerUserId, actor.userId))
    .orderBy(asc(reminders.dueAt))
    .limit(200)
  const open = rows.filter((r) => r.status === 'pending' || r.status === 'sent')
  // A series shows once, as its next occurrence: the one already pushed is history once another waits.
  const pendingSeries = new Set(
    open.filter((r) => r.seriesId && r.status === 'pending').map((r) => r.seriesId),
  )
  const seen = new Set<string>()
  return open
    .filter((r) => {
      if (!r.seriesId) return true
      if (r.status === 'sent' && pendingSeries.has(r.seriesId)) return false
      if (seen.has(r.seriesId)) return false
      seen.add(r.seriesId)
      return true
    })
    .slice(0, limit)
}

export interface ReminderQuery {
  /** Owner's user id; only owners the caller may see. */
  owner?: string | undefined
  status?: ReminderStatus | undefined
  dueBefore?: Date | undefined
  /** The last id of the previous page: reminders come soonest first, ties by id. */
  cursor?: string | undefined
  limit?: number | undefined
}

/**
 * Reminders the actor may see (own for a rep, the team's for a manager, all for an admin), soonest first.
 * A reminder is someone's to-do: a `team` workspace shares customers, not each other's reminders.
 */
export async function listReminders(
  ctx: CrmContext,
  actor: Actor,
  query: ReminderQuery = {},
): Promise<Page<ReminderRow>> {
  const owners = await responsibleOwnerIds(ctx, actor)
  const limit = Math.min(query.limit ?? 50, 200)
  const after = query.cursor ? await reminderById(ctx, query.cursor) : undefined
  const rows = await ctx.db
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.workspaceId, actor.workspaceId),
        ownedBy(reminders.ownerUserId, owners),
        query.owner ? eq(reminders.ownerUserId, query.owner) : undefined,
        query.status ? eq(reminders.status, query.status) : undefined,
        query.dueBefore ? lte(reminders.dueAt, query.dueBefore) : undefined,
        after
          ? sql`(${reminders.dueAt} > ${after.dueAt.getTime()} OR (${reminders.dueAt} = ${after.dueAt.getTime()} AND ${reminders.id} > ${after.id}))`
          : undefined,
      ),
    )
    .orderBy(asc(reminders.dueAt), asc(reminders.id))
    .limit(limit + 1)
  return pageOf(rows, limit)
}

async function reminderById(ctx: CrmContext, id: string): Promise<ReminderRow | undefined> {
  const [row] = await ctx.db.select().from(reminders).where(eq(reminders.id, id))
  return row
}

/** A reminder the actor may change: a rep their own, a manager their team's, an admin any; else not found. */
async function ownReminder(ctx: CrmContext, actor: Actor, id: string): Promise<ReminderRow> {
  const row = await reminderById(ctx, id)
  if (!row || !canAccess(actor, await responsibleOwnerIds(ctx, actor), row)) {
    throw new CrmError('not_found', `no reminder with id "${id}" that you can see`)
  }
  return row
}

export interface ReminderPatch {
  text?: string | undefined
  dueAt?: Date | undefined
  status?: 'pending' | 'done' | 'cancelled' | undefined
}

/** Edits a reminder; a new time or a return to `pending` makes it go out (again) at that time. */
export function updateReminder(ctx: CrmContext, actor: Actor, id: string, patch: ReminderPatch) {
  const text = patch.text?.trim()
  if (patch.text !== undefined && !text) throw new CrmError('invalid', 'reminder text is empty')
  const rescheduled = patch.dueAt !== undefined || patch.status === 'pending'
  return changeReminder(ctx, actor, id, {
    ...(text ? { text } : {}),
    ...(patch.dueAt ? { dueAt: patch.dueAt } : {}),
    ...(patch.status ? { status: patch.status } : {}),
    ...(rescheduled ? { status: patch.status ?? 'pending', sentAt: null, attempts: 0 } : {}),
  })
}

async function changeReminder(ctx: CrmContext, actor: Actor, id: string, patch: Partial<ReminderRow>) {
  const before = await ownReminder(ctx, actor, id)
  const after = { ...before, ...patch }
  await ctx.db.batch([
    ctx.db.update(reminders).set(patch).where(eq(reminders.id, id)),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'update', entityType: 'reminder', entityId: id, before, after },
      ctx.now(),
    ),
  ])
  return after
}

export function completeReminder(ctx: CrmContext, actor: Actor, id: string) {
  return changeReminder(ctx, actor, id, { status: 'done' })
}

/** Cancels one reminder; for an occurrence of a series, the series goes on with its next occurrence. */
export async function cancelReminder(ctx: CrmContext, actor: Actor, id: string) {
  const after = await changeReminder(ctx, actor, id, { status: 'cancelled' })
  await scheduleNextOccurrence(ctx, after)
  return after
}

/** Cancels every occurrence still to come of the series `id` belongs to (or just `id` if it is no series). */
export async function cancelReminderSeries(
  ctx: CrmContext,
  actor: Actor,
  id: string,
): Promise<ReminderRow[]> {
  const row = await ownReminder(ctx, actor, id)
  if (!row.seriesId) return [await changeReminder(ctx, actor, id, { status: 'cancelled' })]
  const open = await ctx.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.seriesId, row.seriesId), inArray(reminders.status, ['pending', 'sent'])))
  const now = ctx.now()
  const statements = open.map((r) =>
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      {
        action: 'update',
        entityType: 'reminder',
        entityId: r.id,
        before: r,
        after: { ...r, status: 'cancelled' },
      },
      now,
    ),
  )
  await ctx.db.batch([
    ctx.db
      .update(reminders)
      .set({ status: 'cancelled' })
      .where(and(eq(reminders.seriesId, row.seriesId), inArray(reminders.status, ['pending', 'sent']))),
    ...statements,
  ])
  return open.map((r) => ({ ...r, status: 'cancelled' as const }))
}

/**
 * The insert of the occurrence after `row` in its series, or null for a one-off: put it in the batch that
 * settles `row`, so a series never loses its next occurrence to a crash. The unique (series, occurrence)
 * index makes a second insert (another instance, a retry) a no-op. The rule was normalized at creation
 * (`BYDAY`/`BYMONTHDAY` spelled out), so this occurrence alone says where the next one falls.
 */
export function nextOccurrenceStatement(ctx: CrmContext, row: ReminderRow) {
  if (!row.recurrence || !row.seriesId || !row.occurrenceAt) return null
  const zone = row.timeZone ?? 'UTC'
  const next = nextOccurrence(parseRecurrence(row.recurrence), row.occurrenceAt, row.occurrenceAt, zone)
  return ctx.db
    .insert(reminders)
    .values({
      ...row,
      id: newId(),
      dueAt: next,
      occurrenceAt: next,
      status: 'pending',
      attempts: 0,
      sentAt: null,
      leaseUntil: null,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing()
}

/** Adds the occurrence after `row` to its series now (a cancelled occurrence still has a successor). */
export async function scheduleNextOccurrence(ctx: CrmContext, row: ReminderRow): Promise<void> {
  const statement = nextOccurrenceStatement(ctx, row)
  if (statement) await statement
}

/** Pushes a reminder back to `until` and makes it pending again so it is delivered once more. */
export function snoozeReminder(ctx: CrmContext, actor: Actor, id: string, until: Date) {
  return changeReminder(ctx, actor, id, { status: 'pending', dueAt: until, sentAt: null, attempts: 0 })
}

/**
 * A reminder names a customer and a deal only the actor can see (another rep's customer reads as not
 * found): the push would otherwise show that customer's name to someone outside their team.
 */
async function assertRelatedVisible(
  ctx: CrmContext,
  actor: Actor,
  input: Pick<NewReminder, 'customerId' | 'dealId'>,
): Promise<void> {
  if (input.customerId) await getCustomer(ctx, actor, input.customerId)
  if (input.dealId) {
    const deal = await getDeal(ctx, actor, input.dealId)
    if (input.customerId && deal.customerId !== input.customerId)
      throw new CrmError(
        'invalid',
        `deal_id "${input.dealId}" is not a deal of customer_id "${input.customerId}"`,
        'deal_id',
      )
  }
}
