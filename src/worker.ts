/**
 * The Cloudflare Workers entry point (wrangler.toml `main`): the same Hono app and chat pipeline as the Node
 * server, on D1 or remote libSQL (Turso), with the scheduler driven by a Cron Trigger instead of a timer.
 * Work after the ack goes through the runtime's `waitUntil`; the platform is answered once the message is
 * stored, exactly as on Node.
 */
import { waitUntil } from 'cloudflare:workers'
import { runScheduledWork } from './jobs/scheduler.ts'
import { parseWorkerEnv, type WorkerEnv } from './workers/worker-env.ts'
import { createWorkerLog, createWorkerRuntime, type WorkerRuntime } from './workers/worker-runtime.ts'

const log = createWorkerLog()
let runtime: WorkerRuntime | undefined

/**
 * The isolate's app, built on first use. Bindings are fixed for an isolate's life, so the config is parsed
 * once; a bad config throws on every request, naming the bad variable, rather than serving half an app.
 */
function runtimeFor(env: WorkerEnv): WorkerRuntime {
  runtime ??= createWorkerRuntime(parseWorkerEnv(env), waitUntil, log)
  return runtime
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return runtimeFor(env).crmApp.app.fetch(request, env, ctx)
  },

  /** The Cron Trigger (every minute, see wrangler.toml): one scheduler pass, awaited to its end. */
  async scheduled(controller: ScheduledController, env: WorkerEnv): Promise<void> {
    const { scheduler } = runtimeFor(env)
    try {
      await runScheduledWork(scheduler)
    } catch (error) {
      log('scheduler.error', { cron: controller.cron, error: String(error), stack: (error as Error).stack })
      throw error
    }
  },
}
