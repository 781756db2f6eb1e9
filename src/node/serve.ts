import { serve } from '@hono/node-server'
import { BOT_FACTORIES } from '../../bots/index.ts'
import { createApp } from '../app.ts'
import { createBackgroundWork } from '../background-work.ts'
import { createNoteEnrichment } from '../chat/note-enrichment.ts'
import { startResuming } from '../chat/resume-unanswered.ts'
import type { AppConfig } from '../config.ts'
import { createLlmClient } from '../enrich/create-llm-client.ts'
import { startScheduler } from '../jobs/scheduler.ts'
import { createLog } from './log.ts'
import { openDatabase } from './open-database.ts'

/** The Node entry point: database, app, long-connection bots and the scheduler, stopped cleanly on SIGINT. */
export async function startServer(config: AppConfig): Promise<{ port: number; stop: () => Promise<void> }> {
  const log = createLog()
  const { db, close } = await openDatabase({ ...config.database, checkpointInBackground: true })
  const background = createBackgroundWork(log)
  const now = () => new Date()
  const llm = config.llm
    ? createNoteEnrichment({ db, now, log, enricher: createLlmClient({ ...config.llm, log }) })
    : undefined
  const crmApp = createApp({
    config,
    db,
    now,
    waitUntil: background.waitUntil,
    log,
    bots: BOT_FACTORIES,
    llm,
  })
  const scheduler = startScheduler(
    {
      db,
      config,
      senders: crmApp.senders,
      outbox: crmApp.outbox,
      log,
      now,
      extraJobs: llm ? [() => llm.retryDue()] : [],
    },
    config.schedulerIntervalMs,
  )
  for (const bot of crmApp.bots) await bot.start?.()
  // The outbox's poll picks up retries and what a process that died had claimed; replies are kicked.
  crmApp.outbox.start()
  const resuming = startResuming({ db, pipeline: crmApp.pipeline, senders: crmApp.senders, log, now })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: crmApp.app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  log('server.listening', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    bots: crmApp.bots.map((b) => b.name),
    llm: config.llm ? config.llm.model : 'offline parser',
    database: config.database.url.replace(/\/\/[^@]*@/, '//***@'),
  })
  if (!config.apiToken)
    log('server.local_only', { note: 'CRM_API_TOKEN is not set: listening on 127.0.0.1 only' })
  return {
    port,
    /**
     * Stops taking messages, then lets work in hand finish: what is not sent stays in the outbox for the
     * next start (or another instance), so this takes seconds however much is queued.
     */
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive connections would hold `close` open until they time out.
      ;(server as { closeIdleConnections?: () => void }).closeIdleConnections?.()
      await Promise.all([scheduler.stop(), resuming.stop(), crmApp.outbox.stop()])
      for (const bot of crmApp.bots) await bot.stop?.()
      await closed
      await background.settle()
      close()
    },
  }
}
