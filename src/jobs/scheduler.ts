import type { Log } from '../chat/chat-bot.ts'
import type { ChatSender } from '../chat/chat-message.ts'
import type { AppConfig } from '../config.ts'
import type { CrmDb } from '../db/database.ts'
import { createOutboxDispatcher, type OutboxDispatcher } from '../outbox/outbox-dispatcher.ts'
import { enqueueDueReminders } from './deliver-reminders.ts'
import { enqueueMorningDigests } from './morning-digest.ts'

export interface SchedulerDeps {
  db: CrmDb
  config: Pick<AppConfig, 'digestHour' | 'staleAfterDays'> & Partial<Pick<AppConfig, 'leaseMs'>>
  /** Senders by platform: which platforms pushes are queued for, and, without `outbox`, how they are sent. */
  senders: ReadonlyMap<string, ChatSender>
  log: Log
  now: () => Date
  /**
   * A running outbox dispatcher (the Node server's), kicked once pushes are queued. Without one (a Workers
   * cron tick, a test) the tick sends the outbox itself before it resolves.
   */
  outbox?: Pick<OutboxDispatcher, 'kick'> | undefined
  /** Extra work per tick, e.g. retrying LLM enrichment. */
  extraJobs?: (() => Promise<unknown>)[]
}

/** What one tick did. */
export interface SchedulerTickResult {
  reminders: number
  digests: number
  /** Outbox rows this tick sent itself (0 when a running dispatcher was kicked instead). */
  sent: number
}

/**
 * One pass of everything time-driven at `now`: claims due reminders and queues their pushes, queues the
 * morning digests, runs the extra jobs, and sends the outbox. Runtime-neutral: the Node interval and a
 * Workers cron trigger (`scheduled(event) → runSchedulerTick(deps, new Date(event.scheduledTime))`) call
 * it alike, and overlapping ticks on several instances deliver each push once (see `claimDueReminders`).
 */
export async function runSchedulerTick(deps: SchedulerDeps, now: Date): Promise<SchedulerTickResult> {
  const crm = { db: deps.db, now: () => now }
  const platforms = new Set(deps.senders.keys())
  const leaseMs = deps.config.leaseMs
  const reminders = await enqueueDueReminders(crm, { platforms, log: deps.log, leaseMs })
  const digests = await enqueueMorningDigests(crm, platforms, deps.config)
  for (const job of deps.extraJobs ?? []) await job()
  if (deps.outbox) {
    deps.outbox.kick()
    return { reminders, digests, sent: 0 }
  }
  const dispatcher = createOutboxDispatcher({ ...deps, now: () => now, waitUntil: () => {}, leaseMs })
  return { reminders, digests, sent: await dispatcher.drain() }
}

/** `runSchedulerTick` at `deps.now()`. */
export function runScheduledWork(deps: SchedulerDeps): Promise<SchedulerTickResult> {
  return runSchedulerTick(deps, deps.now())
}

/** Runs a tick every `intervalMs` (default 15 s) on Node; never two at once in this process. */
export function startScheduler(
  deps: SchedulerDeps,
  intervalMs = 15_000,
): { stop: () => Promise<void>; tick: () => Promise<void> } {
  let running: Promise<void> | null = null
  const tick = () => {
    running ??= runScheduledWork(deps)
      .then(() => {})
      .catch((error) => deps.log('scheduler.error', { error: String(error) }))
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(tick, intervalMs)
  ;(timer as { unref?: () => void }).unref?.()
  return {
    tick,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
