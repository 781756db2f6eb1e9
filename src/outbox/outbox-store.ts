import { sql } from 'drizzle-orm'
import type { ChatTarget, Reply } from '../chat/chat-message.ts'
import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import type { OutboxStatus } from '../db/schema.ts'

/** A message to send: where, what, and the key that makes enqueueing it twice a no-op. */
export interface OutboxItem {
  /** `reply:<inbound id>`, `reminder:<id>:<due ms>`, `digest:<user id>:<local day>`… unique across the table. */
  dedupeKey: string
  target: ChatTarget
  reply: Reply
  /** Sent later than it was meant to be; the reply's text already says so. */
  late?: boolean
  /** Not before this instant (UTC ms); default now. */
  notBefore?: number
}

/** A row a sender claimed: it holds the lease until `leaseUntil` and must record an outcome. */
export interface ClaimedMessage {
  id: string
  dedupeKey: string
  target: ChatTarget
  reply: Reply
  /** Attempts including this one. */
  attempts: number
  late: boolean
  createdAt: number
  /**
   * An earlier attempt was claimed and never recorded an outcome (its process died mid-send): the platform
   * may have the message already, so a sender that can look it up should, before sending again.
   */
  unconfirmed: boolean
}

export interface ClaimOptions {
  /** Who holds the lease: one id per process (and per Workers invocation). */
  owner: string
  now: number
  /** How long the claim holds before another sender may take the row over. */
  leaseMs: number
  /** Most rows claimed; at most one per chat, so a chat's messages leave one at a time and in order. */
  limit: number
  /** Platforms whose readers take their rows themselves ({@link takeMessages}); never claimed here. */
  pulledPlatforms?: readonly string[]
}

/** A row of the `outbox` table as SQLite returns it from `RETURNING *`. */
interface RawOutboxRow {
  id: string
  dedupe_key: string
  platform: string
  workspace_id: string
  chat_id: string
  user_platform_id: string | null
  thread_id: string | null
  reply: string
  attempts: number
  late: number
  created_at: number
  error: string | null
}

/**
 * Enqueues messages in one INSERT (rows as one JSON parameter unpacked by `json_each`, which runs unchanged on
 * libSQL and D1, whose 100-parameter cap a multi-row VALUES would hit). Rows whose dedupe key exists are
 * skipped. Returns the statement, so a caller can put it in the `batch` that records why it was sent.
 */
export function enqueueStatement(db: CrmDb, items: OutboxItem[], now: number) {
  const rows = items.map((item) => [
    newId(),
    item.dedupeKey,
    item.target.platform,
    item.target.workspaceId,
    item.target.chatId,
    item.target.userPlatformId ?? null,
    item.target.threadId ?? null,
    JSON.stringify(item.reply),
    item.notBefore ?? now,
    item.late ? 1 : 0,
    now,
  ])
  return db.run(sql`INSERT INTO outbox
      (id, dedupe_key, platform, workspace_id, chat_id, user_platform_id, thread_id, reply, next_attempt_at,
       late, created_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
       value ->> 7, value ->> 8, value ->> 9, value ->> 10
    FROM json_each(${JSON.stringify(rows)}) WHERE true
    ON CONFLICT (dedupe_key) DO NOTHING`)
}

/** Enqueues messages on their own; see {@link enqueueStatement}. */
export async function enqueueMessages(db: CrmDb, items: OutboxItem[], now: number): Promise<void> {
  if (items.length) await enqueueStatement(db, items, now)
}

/**
 * Claims due rows with one compare-and-set: the UPDATE takes only rows still pending whose lease is free or
 * ran out, so of two senders racing for a row exactly one gets it back from RETURNING (SQLite and D1 run
 * one statement at a time against the file). At most one row per chat is taken, the oldest, and none of a
 * chat whose oldest row someone else holds, so pacing per chat holds across processes.
 */
export async function claimMessages(db: CrmDb, options: ClaimOptions): Promise<ClaimedMessage[]> {
  const { owner, now, leaseMs, limit } = options
  const pulled = JSON.stringify(options.pulledPlatforms ?? [])
  const rows = await db.all<RawOutboxRow>(sql`UPDATE outbox
    SET lease_owner = ${owner}, lease_until = ${now + leaseMs}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM (
        SELECT id, lease_until, row_number() OVER (
          PARTITION BY platform, workspace_id, chat_id ORDER BY next_attempt_at, id) AS place
        FROM outbox WHERE status = 'pending' AND next_attempt_at <= ${now}
          AND platform NOT IN (SELECT value FROM json_each(${pulled}))
      ) WHERE place = 1 AND (lease_until IS NULL OR lease_until < ${now})
      LIMIT ${limit}
    ) AND status = 'pending' AND (lease_until IS NULL OR lease_until < ${now})
    RETURNING id, dedupe_key, platform, workspace_id, chat_id, user_platform_id, thread_id, reply,
      attempts, late, created_at, error`)
  return rows.map(toClaimed)
}

function toClaimed(row: RawOutboxRow): ClaimedMessage {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    target: {
      platform: row.platform,
      workspaceId: row.workspace_id,
      chatId: row.chat_id,
      ...(row.user_platform_id !== null && { userPlatformId: row.user_platform_id }),
      ...(row.thread_id !== null && { threadId: row.thread_id }),
    },
    reply: JSON.parse(row.reply) as Reply,
    attempts: Number(row.attempts),
    late: Boolean(row.late),
    createdAt: Number(row.created_at),
    unconfirmed: Number(row.attempts) > 1 && row.error === null,
  }
}

/** A chat whose reader takes its messages itself: the web page, for the chat it shows. */
export interface PulledChat {
  platform: string
  workspaceId: string
  chatId: string
}

/**
 * The chat's waiting messages, oldest first, marked sent in the same statement, so two polls (two tabs)
 * never both get one. At most `limit`, the oldest first; the rest wait for the next poll.
 */
export async function takeMessages(db: CrmDb, chat: PulledChat, now: number, limit: number) {
  const rows = await db.all<RawOutboxRow>(sql`UPDATE outbox
    SET status = 'sent', sent_at = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE platform = ${chat.platform} AND workspace_id = ${chat.workspaceId} AND chat_id = ${chat.chatId}
        AND status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, id LIMIT ${limit}
    ) AND status = 'pending'
    RETURNING id, dedupe_key, platform, workspace_id, chat_id, user_platform_id, thread_id, reply,
      attempts, late, created_at, error`)
  // RETURNING keeps no order.
  return rows.map(toClaimed).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Records that the platform has the message, with its id for it when it told one. */
export async function recordSent(db: CrmDb, id: string, platformMessageId: string | undefined, now: number) {
  await recordSentMany(db, [{ id, platformMessageId }], now)
}

/** {@link recordSent} for many rows in one statement (the ids and message ids as one JSON parameter). */
export async function recordSentMany(
  db: CrmDb,
  sent: { id: string; platformMessageId: string | undefined }[],
  now: number,
) {
  if (!sent.length) return
  const pairs = JSON.stringify(sent.map((s) => [s.id, s.platformMessageId ?? null]))
  await db.run(sql`UPDATE outbox SET status = 'sent',
      platform_message_id = (SELECT value ->> 1 FROM json_each(${pairs}) WHERE value ->> 0 = outbox.id),
      sent_at = ${now}, lease_owner = NULL, lease_until = NULL, error = NULL
    WHERE id IN (SELECT value ->> 0 FROM json_each(${pairs}))`)
}

/** Records a failed attempt: pending again from `retryAt`, or `failed` for good when it is null. */
export async function recordFailure(db: CrmDb, id: string, error: string, retryAt: number | null) {
  const status: OutboxStatus = retryAt === null ? 'failed' : 'pending'
  await db.run(sql`UPDATE outbox SET status = ${status}, error = ${error.slice(0, 1000)},
      next_attempt_at = coalesce(${retryAt}, next_attempt_at), lease_owner = NULL, lease_until = NULL
    WHERE id = ${id} AND status = 'pending'`)
}

/**
 * Gives back rows claimed but not yet sent (a stopping process), so another sender takes them at once
 * instead of after the lease; the attempt they were claimed for did not happen.
 */
export async function releaseMessages(db: CrmDb, ids: string[]) {
  if (!ids.length) return
  await db.run(sql`UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND status = 'pending'`)
}
