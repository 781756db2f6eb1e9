import { and, eq, gte, lt } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { idFloor } from '../db/database.ts'
import { inboundMessages } from '../db/schema.ts'
import type { ChatPipeline, Log } from './chat-bot.ts'
import type { ChatSender } from './chat-message.ts'

export interface ResumeDeps {
  db: CrmDb
  pipeline: Pick<ChatPipeline, 'process'>
  /** Platforms with a sender get their replies through the outbox; others have them stored only. */
  senders: ReadonlyMap<string, ChatSender>
  log: Log
  now: () => Date
}

export interface ResumeOptions {
  /** Only messages received before this; younger ones may still be in flight in this process. */
  receivedBefore: Date
  /** Only ids from this one on (a range on the primary key); default the whole table. */
  fromId?: string | undefined
}

/** How long a message may take in this process before a periodic pass treats it as dropped. */
export const IN_FLIGHT_MS = 60 * 1000

/**
 * A message is stored and acknowledged before it is understood, so a process that stops in between leaves
 * it `received`. Those are understood and their replies put in the outbox (the reply's dedupe key keeps a
 * second process resuming the same message from answering twice). Resolves to the messages resumed and
 * the lowest id still `received` (in flight), from which the next pass may start.
 */
export async function resumeUnanswered(
  deps: ResumeDeps,
  options: ResumeOptions,
): Promise<{ resumed: number; stillReceivedFrom: string | undefined }> {
  const rows = await deps.db
    .select({ id: inboundMessages.id, platform: inboundMessages.platform })
    .from(inboundMessages)
    .where(
      and(
        options.fromId ? gte(inboundMessages.id, options.fromId) : undefined,
        lt(inboundMessages.receivedAt, options.receivedBefore),
        eq(inboundMessages.status, 'received'),
      ),
    )
    .orderBy(inboundMessages.id)
  let resumed = 0
  let failedFrom: string | undefined
  for (const { id, platform } of rows) {
    try {
      await deps.pipeline.process(id, {}, deps.senders.has(platform) ? { deliver: {} } : {})
      resumed++
    } catch (error) {
      failedFrom ??= id
      deps.log('pipeline.resume_failed', { inboxId: id, error: String(error) })
    }
  }
  if (rows.length) deps.log('pipeline.resumed', { stored: rows.length, resumed })
  return { resumed, stillReceivedFrom: failedFrom }
}

/**
 * Resumes on start (every message received before it, of any age) and then every `intervalMs` (default
 * 30 s) those older than {@link IN_FLIGHT_MS}. Later passes start from where the last one left nothing
 * behind, so they range over recent ids, not the whole table.
 */
export function startResuming(deps: ResumeDeps, intervalMs = 30_000) {
  let fromId: string | undefined
  let running: Promise<unknown> | null = null
  async function pass(receivedBefore: Date) {
    const startedAt = deps.now()
    const { stillReceivedFrom } = await resumeUnanswered(deps, { receivedBefore, fromId })
    const floor = idFloor(new Date(Math.min(receivedBefore.getTime(), startedAt.getTime() - IN_FLIGHT_MS)))
    fromId = stillReceivedFrom && stillReceivedFrom < floor ? stillReceivedFrom : floor
  }
  function run(receivedBefore: Date) {
    if (running) return running
    running = pass(receivedBefore)
      .catch((error) => deps.log('pipeline.resume_error', { error: String(error) }))
      .finally(() => {
        running = null
      })
    return running
  }
  const first = run(deps.now())
  const timer = setInterval(() => run(new Date(deps.now().getTime() - IN_FLIGHT_MS)), intervalMs)
  ;(timer as { unref?: () => void }).unref?.()
  return {
    first,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
