import { eq, inArray, sql } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import { inboundMessages } from '../db/schema.ts'
import type { AcceptResult } from './chat-bot.ts'
import type { ChatMessage } from './chat-message.ts'

export type InboundRow = typeof inboundMessages.$inferSelect

interface Waiting {
  row: InboundInsert
  key: string
  resolve: (result: AcceptResult) => void
  reject: (error: unknown) => void
}

/**
 * Runs after the I/O callbacks of this event-loop turn, so every request that arrived in it joins the batch.
 * Workers has no setImmediate; a zero timeout does the same there.
 */
const nextTick: (work: () => void) => void =
  typeof globalThis.setImmediate === 'function' ? (work) => setImmediate(work) : (work) => setTimeout(work, 0)

/** Above this a message is cut, not refused: the chat still gets an answer and the CRM a bounded row. */
export const MAX_STORED_TEXT = 256 * 1024

export interface InboundStoreOptions {
  /**
   * Write messages that arrive in the same tick in one insert (default true). Off on Workers: there each
   * request may only wait on its own I/O, and a request whose row went out in another request's insert is
   * cancelled as hung; D1 takes one small insert per request well.
   */
  batchAcrossRequests?: boolean
}

/**
 * Stores raw chat messages durably. Messages arriving in the same tick are written in one multi-row insert
 * (one transaction, one fsync), which is what lets a webhook acknowledge only stored messages and still keep
 * up with bursts. The unique platform message id turns redeliveries into `duplicate`.
 */
export function createInboundStore(db: CrmDb, options: InboundStoreOptions = {}) {
  let queue: Waiting[] = []
  let queuedKeys = new Set<string>()
  let scheduled = false

  function finishStatement(id: string, outcome: InboundOutcome) {
    return db
      .update(inboundMessages)
      .set({ status: outcome.status, reply: outcome.reply ?? null, error: outcome.error ?? null })
      .where(eq(inboundMessages.id, id))
  }

  async function flush(): Promise<void> {
    const batch = queue
    queue = []
    queuedKeys = new Set()
    scheduled = false
    try {
      const insertedIds = new Set<string>()
      // SQLite caps a statement's size; 1,000 rows a statement stays far below it.
      for (let from = 0; from < batch.length; from += 1000) {
        const rows = batch.slice(from, from + 1000).map((w) => w.row)
        for (const id of await insertRows(db, rows)) insertedIds.add(id)
      }
      for (const waiting of batch) {
        const id = waiting.row[0]
        waiting.resolve(insertedIds.has(id) ? { status: 'accepted', inboxId: id } : { status: 'duplicate' })
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
    }
  }

  return {
    async accept(message: ChatMessage): Promise<AcceptResult> {
      if (options.batchAcrossRequests === false) {
        const row = toRow(message)
        const [id] = await insertRows(db, [row])
        return id ? { status: 'accepted', inboxId: id } : { status: 'duplicate' }
      }
      const key = `${message.platform}\u0000${message.workspaceId}\u0000${message.platformMessageId}`
      return new Promise<AcceptResult>((resolve, reject) => {
        // The same message twice in one tick: the second is a duplicate without asking the database.
        if (queuedKeys.has(key)) return resolve({ status: 'duplicate' })
        queuedKeys.add(key)
        queue.push({ row: toRow(message), key, resolve, reject })
        if (!scheduled) {
          scheduled = true
          nextTick(flush)
        }
      })
    },

    async get(id: string): Promise<InboundRow | undefined> {
      const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id))
      return row
    },

    async finish(id: string, outcome: InboundOutcome) {
      await finishStatement(id, outcome)
    },

    /** The update `finish` runs, not yet run: for a batch that also enqueues the reply. */
    finishStatement,
  }
}

export type InboundStore = ReturnType<typeof createInboundStore>

/** How processing a message ended. */
export interface InboundOutcome {
  status: InboundRow['status']
  reply?: unknown
  error?: string
}

/**
 * One INSERT for a whole batch, its rows passed as a single JSON parameter (an array of {@link InboundInsert}
 * tuples) and unpacked by `json_each`: building a 13-column multi-row insert through the query builder costs
 * more than SQLite's write itself, and this form runs unchanged on libSQL and D1 (which caps bound
 * parameters at 100). Tuples rather than objects: `->>` by index is cheaper for SQLite than looking up a key,
 * and the JSON is shorter to build. Conflicting (redelivered) rows are skipped.
 */
function insertRowsSql(rows: InboundInsert[]) {
  return sql`INSERT INTO inbound_messages
      (id, platform, platform_workspace_id, platform_message_id, chat_id, chat_kind, platform_user_id,
       user_name, text, mentioned, received_at, status)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
       value ->> 7, value ->> 8, value ->> 9, value ->> 10, 'received'
    FROM json_each(${JSON.stringify(rows)}) WHERE true
    ON CONFLICT DO NOTHING`
}

/**
 * Inserts the rows and returns the ids of those that were new. Almost always every row is new, which the
 * affected-row count tells without reading rows back; only when some were redeliveries are the stored ids
 * looked up (by the ids minted for this batch, which only new rows can have).
 */
async function insertRows(db: CrmDb, rows: InboundInsert[]): Promise<string[]> {
  const result = (await db.run(insertRowsSql(rows))) as { rowsAffected?: number; meta?: { changes?: number } }
  const inserted = result.rowsAffected ?? result.meta?.changes
  const ids = rows.map((r) => r[0])
  if (inserted === rows.length) return ids
  const stored = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(inArray(inboundMessages.id, ids))
  return stored.map((r) => r.id)
}

/** A row as the insert reads it, in its column order. */
type InboundInsert = [
  id: string,
  platform: string,
  platformWorkspaceId: string,
  platformMessageId: string,
  chatId: string,
  chatKind: ChatMessage['chatKind'],
  platformUserId: string,
  userName: string | null,
  text: string,
  mentioned: 0 | 1,
  receivedAt: number,
]

function toRow(message: ChatMessage): InboundInsert {
  return [
    newId(),
    message.platform,
    message.workspaceId,
    message.platformMessageId,
    message.chatId,
    message.chatKind,
    message.userId,
    message.userName ?? null,
    message.text.length > MAX_STORED_TEXT ? message.text.slice(0, MAX_STORED_TEXT) : message.text,
    message.mentionsBot ? 1 : 0,
    message.receivedAt.getTime(),
  ]
}
