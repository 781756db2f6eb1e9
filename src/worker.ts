/**
 * The Cloudflare Workers entry point (wrangler.toml `main`): the same Hono app and chat pipeline as the Node
 * server, on D1 or remote libSQL (Turso), with the scheduler driven by a Cron Trigger instead of a timer.
 * Work after the ack goes through the request's `ctx.waitUntil`; the platform is answered once the message
 * is stored, exactly as on Node.
 */
import type { CrmDb } from './db/database.ts'
import { runSchedulerTick } from './jobs/scheduler.ts'
import { openWorkerDatabase } from './workers/open-worker-database.ts'
import { parseWorkerEnv, type WorkerConfig, type WorkerEnv } from './workers/worker-env.ts'
import { createWorkerLog, createWorkerRuntime, type WorkerRuntime } from './workers/worker-runtime.ts'

const log = createWorkerLog()
let isolate: { parsed: WorkerConfig; db: CrmDb } | undefined

/**
 * The app for this request or tick. Bindings are fixed for an isolate's life, so the config is parsed and
 * the store opened once; a bad config throws on every request, naming the bad variable, rather than
 * serving half an app.
 */
function runtimeFor(env: WorkerEnv, ctx: ExecutionContext): WorkerRuntime {
  if (!isolate) {
    const parsed = parseWorkerEnv(env)
    isolate = { parsed, db: openWorkerDatabase(parsed.store) }
  }
  return createWorkerRuntime(isolate.parsed, isolate.db, (work) => ctx.waitUntil(work), log)
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return runtimeFor(env, ctx).crmApp.app.fetch(request, env, ctx)
  },

  /**
   * The Cron Trigger (every minute, see wrangler.toml): one scheduler tick at the trigger's time, awaited to
   * its end. Due reminders are claimed with a lease and queued once, and the tick drains the outbox itself
   * (claiming one row per chat), so two overlapping ticks, here or on another instance, never send twice.
   */
  async scheduled(controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const { scheduler } = runtimeFor(env, ctx)
    try {
      await runSchedulerTick(scheduler, new Date(controller.scheduledTime))
    } catch (error) {
      log('scheduler.error', { cron: controller.cron, error: String(error), stack: (error as Error).stack })
      throw error
    }
  },
}
