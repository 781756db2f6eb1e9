import { WORKER_BOT_FACTORIES } from '../../bots/workers.ts'
import { type CrmApp, createApp } from '../app.ts'
import type { Log, WaitUntil } from '../chat/chat-bot.ts'
import { noteEnrichmentFromConfig } from '../chat/note-enrichment.ts'
import { IN_FLIGHT_MS, resumeUnanswered } from '../chat/resume-unanswered.ts'
import { type CrmDb, idFloor } from '../db/database.ts'
import type { SchedulerDeps } from '../jobs/scheduler.ts'
import type { WorkerConfig } from './worker-env.ts'

/** How far back a tick looks for messages stored but never answered. */
const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000

/** The app for one request or one cron tick. */
export interface WorkerRuntime {
  crmApp: CrmApp
  db: CrmDb
  /** What one cron tick runs: reminders and digests, then LLM enrichment and unanswered messages. */
  scheduler: SchedulerDeps
}

/**
 * Builds the app on the Worker's store for one request (or tick), with that request's `ctx.waitUntil`.
 * Per request, not per isolate: an isolate serves many requests at once, and Workers cancels a request as
 * hung when it waits on I/O another request started, which the bots' shared state would make it do (the
 * Slack channel pacer's queue, the user directory's in-flight lookups). The store is opened once per
 * isolate by the caller. The LLM never runs inside a webhook's waitUntil: a note is marked for the
 * next tick (`deferToTick`) and the tick enriches it (`retryDue`), so a slow model holds no ack and no
 * request's budget. Only the unsure-message reading (`understand`) asks the model inline, after the ack.
 */
export function createWorkerRuntime(
  { config }: WorkerConfig,
  db: CrmDb,
  waitUntil: WaitUntil,
  log: Log,
): WorkerRuntime {
  const now = () => new Date()
  const enrichment = noteEnrichmentFromConfig(config.llm, { db, now, log })
  const crmApp = createApp({
    config,
    db,
    now,
    waitUntil,
    log,
    bots: WORKER_BOT_FACTORIES,
    // An isolate serves many requests at once, and none may wait on another's I/O.
    batchInbound: false,
    llm: enrichment && { understand: enrichment.understand, enrichInteraction: enrichment.deferToTick },
  })
  const extraJobs: (() => Promise<unknown>)[] = [
    // A Worker can be stopped between storing a message and answering it; a later tick answers it. The
    // scan is a range on the primary key (ids are time-ordered), bounded to the last day.
    () =>
      resumeUnanswered(
        { db, pipeline: crmApp.pipeline, senders: crmApp.senders, log, now },
        {
          receivedBefore: new Date(now().getTime() - IN_FLIGHT_MS),
          fromId: idFloor(new Date(now().getTime() - RESUME_WINDOW_MS)),
        },
      ),
  ]
  if (enrichment) extraJobs.push(() => enrichment.retryDue())
  return { crmApp, db, scheduler: { db, config, senders: crmApp.senders, log, now, extraJobs } }
}

/** Workers' logs: one JSON line per event on the console, which `wrangler tail` and Logpush collect. */
export function createWorkerLog(): Log {
  return (event, fields = {}) =>
    console.log(JSON.stringify({ at: new Date().toISOString(), event, ...fields }))
}
