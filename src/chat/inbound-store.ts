import { eq } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import { inboundMessages } from '../db/schema.ts'
import type { AcceptResult } from './chat-bot.ts'
import type { ChatMessage } from './chat-message.ts'

export type InboundRow = typeof inboundMessages.$inferSelect

interface Waiting {
  row: typeof inboundMessages.$inferInsert
  key: string
  resolve: (result: AcceptResult) => void
  reject: (error: unknown) => void
}

/** Above this a message is cut, not refused: the chat still gets an answer and the CRM a bounded row. */
export const MAX_STORED_TEXT = 256 * 1024

/**
 * Stores raw chat messages durably. Messages arriving in the same tick are written in one multi-row insert
 * (one transaction, one fsync), which is what lets a webhook acknowledge only stored messages and still keep
 * up with bursts. The unique platform message id turns redeliveries into `duplicate`.
 */
export function createInboundStore(db: CrmDb) {
  let queue: Waiting[] = []
  let scheduled = false

  async function flush(): Promise<void> {
    const batch = queue
    queue = []
    scheduled = false
    try {
      const insertedIds = new Set<string>()
      // SQLite caps bound parameters per statement; 500 rows of 13 columns stays well under it.
      for (let start = 0; start < batch.length; start += 500) {
        const inserted = await db
          .insert(inboundMessages)
          .values(batch.slice(start, start + 500).map((w) => w.row))
          .onConflictDoNothing()
          .returning({ id: inboundMessages.id })
        for (const row of inserted) insertedIds.add(row.id)
      }
      for (const waiting of batch) {
        const id = waiting.row.id as string
        waiting.resolve(insertedIds.has(id) ? { status: 'accepted', inboxId: id } : { status: 'duplicate' })
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
    }
  }

  return {
    accept(message: ChatMessage): Promise<AcceptResult> {
      const key = `${message.platform}\u0000${message.workspaceId}\u0000${message.platformMessageId}`
      return new Promise<AcceptResult>((resolve, reject) => {
        // The same message twice in one tick: the second is a duplicate without asking the database.
        if (queue.some((w) => w.key === key)) return resolve({ status: 'duplicate' })
        queue.push({ row: toRow(message), key, resolve, reject })
        if (!scheduled) {
          scheduled = true
          setTimeout(flush, 0)
        }
      })
    },

    async get(id: string): Promise<InboundRow | undefined> {
      const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id))
      return row
    },

    async finish(id: string, outcome: { status: InboundRow['status']; reply?: unknown; error?: string }) {
      await db
        .update(inboundMessages)
        .set({ status: outcome.status, reply: outcome.reply ?? null, error: outcome.error ?? null })
        .where(eq(inboundMessages.id, id))
    },
  }
}

export type InboundStore = ReturnType<typeof createInboundStore>

function toRow(message: ChatMessage): typeof inboundMessages.$inferInsert {
  return {
    id: newId(),
    platform: message.platform,
    platformWorkspaceId: message.workspaceId,
    platformMessageId: message.platformMessageId,
    chatId: message.chatId,
    chatKind: message.chatKind,
    platformUserId: message.userId,
    userName: message.userName ?? null,
    text: message.text.length > MAX_STORED_TEXT ? message.text.slice(0, MAX_STORED_TEXT) : message.text,
    mentioned: message.mentionsBot,
    receivedAt: message.receivedAt,
    status: 'received',
  }
}
