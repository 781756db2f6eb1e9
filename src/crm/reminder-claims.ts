import { sql } from 'drizzle-orm'
import type { ReminderStatus } from '../db/schema.ts'
import type { CrmContext } from './crm-context.ts'
import type { ReminderRow } from './reminders.ts'

/** A claimed due reminder with what its push needs: its owner's zone and chat identity, its customer. */
export interface ClaimedReminder {
  reminder: ReminderRow
  owner: { platformUserId: string; timeZone: string } | null
  /** The workspace's id on its platform (a Slack team id), what a push is addressed with. */
  platformWorkspaceId: string | null
  customerName: string | null
}

interface RawClaim {
  id: string
  workspace_id: string
  owner_user_id: string
  platform: string
  chat_id: string
  text: string
  due_at: number
  status: ReminderStatus
  attempts: number
  sent_at: number | null
  customer_id: string | null
  deal_id: string | null
  lease_until: number | null
  created_at: number
}

/**
 * Claims up to `limit` due pending reminders with one compare-and-set: the UPDATE takes only rows still
 * pending whose lease is free or ran out, so of two schedulers (two processes, overlapping Workers cron
 * ticks) exactly one gets each row. A claim that is never settled (the process died) lapses after
 * `leaseMs` and the next tick claims the row again; the outbox's dedupe key keeps its push single.
 */
export async function claimDueReminders(
  ctx: CrmContext,
  options: { leaseMs: number; limit: number },
): Promise<ClaimedReminder[]> {
  const now = ctx.now().getTime()
  const claimed = await ctx.db.all<RawClaim>(sql`UPDATE reminders SET lease_until = ${now + options.leaseMs}
    WHERE id IN (
      SELECT id FROM reminders
      WHERE status = 'pending' AND due_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
      ORDER BY due_at LIMIT ${options.limit}
    ) AND status = 'pending' AND (lease_until IS NULL OR lease_until < ${now})
    RETURNING *`)
  if (claimed.length === 0) return []
  const context = await pushContext(ctx, claimed)
  return claimed.map((raw) => {
    const found = context.get(raw.id)
    return {
      reminder: toReminderRow(raw),
      owner: found?.platform_user_id
        ? { platformUserId: found.platform_user_id, timeZone: found.time_zone ?? 'UTC' }
        : null,
      platformWorkspaceId: found?.external_id ?? null,
      customerName: found?.customer_name ?? null,
    }
  })
}

/**
 * Owners, workspaces and customer names of a whole batch in one query, the ids passed as one JSON
 * parameter (D1 caps bound parameters at 100, so `IN (?, ?, …)` would not do for a batch).
 */
async function pushContext(ctx: CrmContext, claimed: RawClaim[]) {
  const ids = JSON.stringify(claimed.map((r) => r.id))
  const rows = await ctx.db.all<{
    id: string
    platform_user_id: string | null
    time_zone: string | null
    external_id: string | null
    customer_name: string | null
  }>(sql`SELECT r.id, u.platform_user_id, u.time_zone, w.external_id, c.name AS customer_name
    FROM reminders r
    LEFT JOIN users u ON u.id = r.owner_user_id
    LEFT JOIN workspaces w ON w.id = u.workspace_id
    LEFT JOIN customers c ON c.id = r.customer_id
    WHERE r.id IN (SELECT value FROM json_each(${ids}))`)
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * Settles claimed reminders: `sent` (their push is in the outbox) or `failed` (no one to push to). Run in
 * the same batch as the outbox insert, so a push is queued and its reminder settled together.
 */
export function settleRemindersStatement(
  ctx: CrmContext,
  ids: string[],
  status: Extract<ReminderStatus, 'sent' | 'failed'>,
) {
  return ctx.db.run(sql`UPDATE reminders
    SET status = ${status}, attempts = attempts + 1, lease_until = NULL,
      sent_at = ${status === 'sent' ? ctx.now().getTime() : null}
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND status = 'pending'`)
}

function toReminderRow(raw: RawClaim): ReminderRow {
  return {
    id: raw.id,
    workspaceId: raw.workspace_id,
    ownerUserId: raw.owner_user_id,
    platform: raw.platform,
    chatId: raw.chat_id,
    text: raw.text,
    dueAt: new Date(Number(raw.due_at)),
    status: raw.status,
    attempts: Number(raw.attempts),
    sentAt: raw.sent_at === null ? null : new Date(Number(raw.sent_at)),
    customerId: raw.customer_id,
    dealId: raw.deal_id,
    leaseUntil: raw.lease_until === null ? null : Number(raw.lease_until),
    createdAt: new Date(Number(raw.created_at)),
  }
}
