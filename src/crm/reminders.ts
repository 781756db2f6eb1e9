import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type ReminderStatus, reminders } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { nextOccurrence, parseRecurrence } from './recurrence.ts'

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
  if (input.recurrence) parseRecurrence(input.recurrence)
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
    recurrence: input.recurrence ?? null,
    seriesId: input.recurrence ? id : null,
    occurrenceAt: input.recurrence ? input.dueAt : null,
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
  return rows.filter((r) => r.status === 'pending' || r.status === 'sent').slice(0, limit)
}

async function ownReminder(ctx: CrmContext, actor: Actor, id: string): Promise<ReminderRow> {
  const [row] = await ctx.db.select().from(reminders).where(eq(reminders.id, id))
  if (
    !row ||
    row.workspaceId !== actor.workspaceId ||
    (row.ownerUserId !== actor.userId && actor.role === 'rep')
  ) {
    throw new CrmError('not_found', `no reminder with id "${id}" of yours`)
  }
  return row
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
 * Adds the occurrence after `row` to its series, once: the unique (series, occurrence) index makes a second
 * call (another instance, a retry after a crash) a no-op. Returns the next occurrence's time, or null.
 */
export async function scheduleNextOccurrence(ctx: CrmContext, row: ReminderRow): Promise<Date | null> {
  if (!row.recurrence || !row.seriesId || !row.occurrenceAt) return null
  const [first] = await ctx.db
    .select({ dueAt: reminders.occurrenceAt })
    .from(reminders)
    .where(eq(reminders.id, row.seriesId))
  const rule = parseRecurrence(row.recurrence)
  const zone = row.timeZone ?? 'UTC'
  const next = nextOccurrence(rule, first?.dueAt ?? row.occurrenceAt, row.occurrenceAt, zone)
  await ctx.db
    .insert(reminders)
    .values({
      ...row,
      id: newId(),
      dueAt: next,
      occurrenceAt: next,
      status: 'pending',
      attempts: 0,
      sentAt: null,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing()
  return next
}

/** Pushes a reminder back to `until` and makes it pending again so it is delivered once more. */
export function snoozeReminder(ctx: CrmContext, actor: Actor, id: string, until: Date) {
  return changeReminder(ctx, actor, id, { status: 'pending', dueAt: until, sentAt: null, attempts: 0 })
}

/** Pending reminders whose time has come, oldest first. */
export async function dueReminders(ctx: CrmContext, limit = 100): Promise<ReminderRow[]> {
  return ctx.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.status, 'pending'), lte(reminders.dueAt, ctx.now())))
    .orderBy(asc(reminders.dueAt))
    .limit(limit)
}

/** Records a delivery attempt: sent, or failed and retried on later ticks until `maxAttempts`. */
export async function recordDelivery(
  ctx: CrmContext,
  reminder: ReminderRow,
  delivered: boolean,
  maxAttempts = 5,
) {
  const attempts = reminder.attempts + 1
  const status: ReminderStatus = delivered ? 'sent' : attempts >= maxAttempts ? 'failed' : 'pending'
  await ctx.db
    .update(reminders)
    .set({ status, attempts, sentAt: delivered ? ctx.now() : null })
    .where(eq(reminders.id, reminder.id))
  // A series goes on whether this occurrence reached the chat or not.
  if (status !== 'pending') await scheduleNextOccurrence(ctx, reminder)
}
