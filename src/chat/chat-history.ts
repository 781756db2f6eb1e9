import { and, desc, eq, lt } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { inboundMessages } from '../db/schema.ts'
import type { Reply } from './chat-message.ts'

export interface HistoryEntry {
  id: string
  text: string
  /** ISO 8601 UTC. */
  at: string
  /** The reply as stored with the message; null while unanswered or for ignored messages. */
  reply: Reply | null
}

/**
 * One user's messages in one chat and the replies stored with them, for a page that reopens: `limit`
 * messages before the id `before` (newest page when absent), returned oldest first, with the cursor of the
 * page before it. Read straight from `inbound_messages`, which keeps every message and its reply anyway.
 */
export async function chatHistory(
  db: CrmDb,
  query: {
    platform: string
    workspaceId: string
    chatId: string
    platformUserId: string
    before?: string | undefined
    limit: number
  },
): Promise<{ messages: HistoryEntry[]; nextBefore: string | null }> {
  const rows = await db
    .select()
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.platform, query.platform),
        eq(inboundMessages.platformWorkspaceId, query.workspaceId),
        eq(inboundMessages.chatId, query.chatId),
        eq(inboundMessages.platformUserId, query.platformUserId),
        query.before ? lt(inboundMessages.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(inboundMessages.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  return {
    messages: page.reverse().map((r) => ({
      id: r.id,
      text: r.text,
      at: r.receivedAt.toISOString(),
      reply: (r.reply as Reply | null) ?? null,
    })),
    nextBefore: rows.length > query.limit ? (page[0]?.id ?? null) : null,
  }
}
