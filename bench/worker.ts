import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import { BOT_FACTORIES } from '../bots/index.ts'
import { createApp } from '../src/app.ts'
import { createBackgroundWork } from '../src/background-work.ts'
import { parseConfig } from '../src/config.ts'
import { openDatabase } from '../src/node/open-database.ts'
import { startFakeSlackApi } from '../test/slack/fake-slack-api.ts'
import { applyMigrations, executeSql, startWranglerDev } from '../test/workers/wrangler-dev.ts'
import { runLoad, SECRET } from './slack.ts'

interface Target {
  name: string
  port: number
  /** Rows durably stored, to check against the acknowledged count. */
  stored(): Promise<number>
  close(): Promise<void>
}

/** The Worker under `wrangler dev` (one local workerd, local D1), the whole pipeline after each ack. */
async function startWorker(dir: string, slackApiUrl: string): Promise<Target> {
  await applyMigrations(dir)
  const dev = await startWranglerDev({
    persistTo: dir,
    vars: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slackApiUrl },
  })
  return {
    name: 'Worker (wrangler dev, local D1)',
    port: Number(new URL(dev.url).port),
    async stored() {
      const [row] = await executeSql(dir, 'SELECT count(*) AS n FROM inbound_messages')
      return Number(row?.n ?? 0)
    },
    close: () => dev.stop(),
  }
}

/** The Node server as `crm serve` builds it, on a libSQL file, the whole pipeline after each ack too. */
async function startNode(dir: string, slackApiUrl: string): Promise<Target> {
  const config = parseConfig({
    DATABASE_URL: `file:${join(dir, 'node.db')}`,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApiUrl,
  })
  const { db, close } = await openDatabase({ ...config.database, checkpointInBackground: true })
  const background = createBackgroundWork(() => {})
  const { app } = createApp({
    config,
    db,
    waitUntil: background.waitUntil,
    log: () => {},
    bots: BOT_FACTORIES,
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    name: 'Node server (libSQL file)',
    port: (server.address() as AddressInfo).port,
    async stored() {
      const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM inbound_messages`)
      return Number(row?.n ?? 0)
    },
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await background.settle()
      close()
    },
  }
}

/**
 * Signed Slack app_mention events per second through one local Worker (wrangler dev: workerd and a local
 * D1 in one process) next to the Node server on a libSQL file, each answering after the store and running
 * the pipeline (parse, note, reply to a fake Slack) after the ack. 50 keep-alive connections, 5 s measured.
 */
export async function benchWorker(): Promise<{ name: string; results: Record<string, number | string> }> {
  const results: Record<string, number | string> = {}
  const slack = await startFakeSlackApi()
  try {
    for (const [index, start] of [startWorker, startNode].entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'crm-bench-worker-'))
      const target = await start(dir, slack.apiUrl)
      try {
        const load = await runLoad(target.port, 'max', `w${index}`)
        // Let the work after the acks finish before counting what was stored.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        const sorted = load.latencies.sort()
        const at = (p: number) =>
          (sorted[Math.floor((p / 100) * (sorted.length - 1))] ?? Number.NaN).toFixed(1)
        results[`${target.name}: events/s`] = Math.round(load.ok / load.seconds)
        results[`${target.name}: ack p50 / p99 (ms)`] = `${at(50)} / ${at(99)}`
        const stored = await target.stored()
        results[`${target.name}: acknowledged = stored, errors`] =
          `${stored === load.okTotal ? 'yes' : `NO (${load.okTotal} acked, ${stored} stored)`}, ${load.errors}`
      } finally {
        await target.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  } finally {
    await slack.close()
  }
  return { name: 'Workers: signed Slack events through wrangler dev vs the Node server', results }
}

if (import.meta.url === pathToFileURL(process.argv[2] ?? process.argv[1] ?? '').href) {
  console.log(await benchWorker())
}
