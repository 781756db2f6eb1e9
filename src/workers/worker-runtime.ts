import { WORKER_BOT_FACTORIES } from '../../bots/workers.ts'
import { type CrmApp, createApp } from '../app.ts'
import type { Log, WaitUntil } from '../chat/chat-bot.ts'
import { noteEnrichmentFromConfig } from '../chat/note-enrichment.ts'
import { resumeUnanswered } from '../chat/resume-unanswered.ts'
import type { CrmDb } from '../db/database.ts'
import type { SchedulerDeps } from '../jobs/scheduler.ts'
import { openWorkerDatabase } from './open-worker-database.ts'
import type { WorkerConfig } from './worker-env.ts'

/** One isolate's app: built on its first request or tick, reused by every later one. */
export interface WorkerRuntime {
  crmApp: CrmApp
  db: CrmDb
  /** What one cron tick runs: reminders and digests, then LLM enrichment and unanswered messages. */
  scheduler: SchedulerDeps
}

/**
 * Builds the app on the Worker's store. `waitUntil` is the runtime's own, bound to whichever request is
 * running when it is called. The LLM never runs inside a webhook's waitUntil: a note is marked for the
 * next tick (`deferToTick`) and the tick enriches it (`retryDue`), so a slow model holds no ack and no
 * request's budget. Only the unsure-message reading (`understand`) asks the model inline, after the ack.
 */
export function createWorkerRuntime(parsed: WorkerConfig, waitUntil: WaitUntil, log: Log): WorkerRuntime {
  const { config } = parsed
  const db = openWorkerDatabase(parsed.store)
  const now = () => new Date()
  const enrichment = noteEnrichmentFromConfig(config.llm, { db, now, log })
  const crmApp = createApp({
    config,
    db,
    now,
    waitUntil,
    log,
    bots: WORKER_BOT_FACTORIES,
    llm: enrichment && { understand: enrichment.understand, enrichInteraction: enrichment.deferToTick },
  })
  const extraJobs: (() => Promise<unknown>)[] = [
    // A Worker can be stopped between storing a message and answering it; the next tick answers it.
    () => resumeUnanswered({ db, pipeline: crmApp.pipeline, senders: crmApp.senders, log, now }),
  ]
  if (enrichment) extraJobs.push(() => enrichment.retryDue())
  return { crmApp, db, scheduler: { db, config, senders: crmApp.senders, log, now, extraJobs } }
}

/** Workers' logs: one JSON line per event on the console, which `wrangler tail` and Logpush collect. */
export function createWorkerLog(): Log {
  return (event, fields = {}) =>
    console.log(JSON.stringify({ at: new Date().toISOString(), event, ...fields }))
}
