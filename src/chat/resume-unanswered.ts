import { and, eq, gte, lt } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { idFloor } from '../db/database.ts'
import { inboundMessages } from '../db/schema.ts'
import type { ChatPipeline, Log } from './chat-bot.ts'
import type { ChatSender } from './chat-message.ts'

export interface ResumeDeps {
  db: CrmDb
  pipeline: Pick<ChatPipeline, 'process'>
  senders: Map<string, ChatSender>
  log: Log
  now: () => Date
}

/** How far back a stored but unanswered message is still worth answering. */
const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000
/** Younger messages may still be in flight in this process. */
const IN_FLIGHT_MS = 60 * 1000

/**
 * A message is stored and acknowledged before it is understood, so a process that stops in between leaves
 * it `received`. On start, those are understood and answered into their chat: the platform was told the
 * message arrived, and the user is owed the note and the reply. The id range keeps the scan on the primary
 * key (ids are time-ordered); no index on the status is needed on the hot insert path.
 */
export async function resumeUnanswered(deps: ResumeDeps): Promise<number> {
  const now = deps.now().getTime()
  const rows = await deps.db
    .select({
      id: inboundMessages.id,
      platform: inboundMessages.platform,
      workspaceId: inboundMessages.platformWorkspaceId,
      chatId: inboundMessages.chatId,
      userPlatformId: inboundMessages.platformUserId,
    })
    .from(inboundMessages)
    .where(
      and(
        gte(inboundMessages.id, idFloor(new Date(now - RESUME_WINDOW_MS))),
        lt(inboundMessages.receivedAt, new Date(now - IN_FLIGHT_MS)),
        eq(inboundMessages.status, 'received'),
      ),
    )
    .orderBy(inboundMessages.id)
  let answered = 0
  for (const { id, ...target } of rows) {
    try {
      const reply = await deps.pipeline.process(id)
      const sender = deps.senders.get(target.platform)
      if (reply && sender) {
        await sender.send(target, reply)
        answered++
      }
    } catch (error) {
      deps.log('pipeline.resume_failed', { inboxId: id, error: String(error) })
    }
  }
  if (rows.length) deps.log('pipeline.resumed', { stored: rows.length, answered })
  return answered
}
