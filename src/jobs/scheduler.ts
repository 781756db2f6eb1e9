import type { Log } from '../chat/chat-bot.ts'
import type { ChatSender } from '../chat/chat-message.ts'
import type { AppConfig } from '../config.ts'
import type { CrmDb } from '../db/database.ts'
import { deliverDueReminders } from './deliver-reminders.ts'
import { sendMorningDigests } from './morning-digest.ts'
import { sweepPublicPool } from './pool-sweep.ts'

export interface SchedulerDeps {
  db: CrmDb
  config: Pick<AppConfig, 'digestHour' | 'staleAfterDays' | 'quietHours'>
  senders: Map<string, ChatSender>
  log: Log
  now: () => Date
  /** Extra work per tick, e.g. retrying LLM enrichment. */
  extraJobs?: (() => Promise<unknown>)[]
}

/** One pass of everything time-driven; what a Workers cron trigger or the Node interval calls. */
export async function runScheduledWork(deps: SchedulerDeps): Promise<void> {
  const crm = { db: deps.db, now: deps.now }
  const quietHours = deps.config.quietHours
  await deliverDueReminders(crm, deps.senders, deps.log, quietHours)
  // Before the digest, so a digest reports the returns of the same morning.
  await sweepPublicPool(crm, quietHours)
  await sendMorningDigests(crm, deps.senders, { ...deps.config, quietHours }, deps.log)
  for (const job of deps.extraJobs ?? []) await job()
}

/** Runs `runScheduledWork` every `intervalMs` (default 15 s) on Node; never two passes at once. */
export function startScheduler(deps: SchedulerDeps, intervalMs = 15_000): { stop: () => void } {
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await runScheduledWork(deps)
    } catch (error) {
      deps.log('scheduler.error', { error: String(error) })
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref?.()
  return { stop: () => clearInterval(timer) }
}
