import { and, asc, eq, lte } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type ReminderStatus, reminders } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'

export type ReminderRow = typeof reminders.$inferSelect

export interface NewReminder {
  text: string
  dueAt: Date
  platform: string
  chatId: string
  customerId?: string | null | undefined
  dealId?: string | null | undefined
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
  const now = ctx.now()
  const row: ReminderRow = {
    id: newId(),
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

export function cancelReminder(ctx: CrmContext, actor: Actor, id: string) {
  return changeReminder(ctx, actor, id, { status: 'cancelled' })
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
}
